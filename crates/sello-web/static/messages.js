// Generated from crates/sello-core/i18n/*.ftl by sello_web::messages_js: do not edit.
// Rewrite with SELLO_WRITE_MESSAGES=1 cargo test -p sello-web messages.
//
// CATALOG[lang][id] is a pattern: a string, or an array of strings, {"var": name} and
// {"select": name, "variants": {key: pattern}, "default": key} (sello-verify.js formats it).
export const CATALOG = Object.freeze({
  "en": {
    "bundle-chain": "the trust bundle's root chain is not consecutive versions of its federation ending at its root",
    "bundle-duplicate-issuer": [
      "the trust bundle lists the issuer «",
      {
        "var": "issuer"
      },
      "» twice"
    ],
    "bundle-federation": [
      "the trust bundle's federation id ",
      {
        "var": "problem"
      }
    ],
    "bundle-issuer": [
      "issuer ",
      {
        "var": "index"
      },
      " of the trust bundle: ",
      {
        "var": "problem"
      }
    ],
    "bundle-issuer-count": [
      "a trust bundle has at most ",
      {
        "var": "max"
      },
      " issuers; this one has ",
      {
        "var": "count"
      }
    ],
    "bundle-root": [
      "root document ",
      {
        "var": "index"
      },
      " of the trust bundle: ",
      {
        "var": "error"
      }
    ],
    "bundle-seq": "the trust bundle's seq must be 1 to 2^53 − 1",
    "bundle-times": "the trust bundle's iat and fresh_until must be from 1970 to the year 9999, fresh_until after iat",
    "bundle-token": [
      "trust bundle: ",
      {
        "var": "error"
      }
    ],
    "bundle-url": [
      "the trust bundle's verification URL: ",
      {
        "var": "problem"
      }
    ],
    "claim-error": [
      {
        "var": "field"
      },
      ": ",
      {
        "var": "problem"
      }
    ],
    "entry-accredited": "the accreditation window must be from 1970 to the year 9999, exp after nbf",
    "entry-scope-code": [
      "scope entry ",
      {
        "var": "index"
      },
      ": ",
      {
        "var": "problem"
      }
    ],
    "entry-scope-count": [
      "the scope has 1 to ",
      {
        "var": "max"
      },
      " standards; this one has ",
      {
        "var": "count"
      }
    ],
    "entry-scope-window": [
      "scope entry ",
      {
        "var": "index"
      },
      ": the window must be from 1970 to the year 9999, exp after nbf"
    ],
    "entry-status": [
      "its status list: ",
      {
        "var": "error"
      }
    ],
    "entry-status-issuer": "its status list belongs to another issuer",
    "entry-suspended": "the suspension needs a time from 1970 to the year 9999 and a reason of 1 to 200 visible characters",
    "io-invalid-data": "the data are not valid",
    "io-is-a-directory": "is a folder",
    "io-not-a-directory": "is not a folder",
    "io-not-found": "no such file or folder",
    "io-other": [
      "read error (",
      {
        "var": "kind"
      },
      ")"
    ],
    "io-permission-denied": "permission denied",
    "io-too-large": "is too large",
    "json-array": "an array where the format has none",
    "json-duplicate": [
      "the member \"",
      {
        "var": "name"
      },
      "\" appears twice"
    ],
    "json-eof": "the JSON ends too early",
    "json-missing-member": [
      "the member \"",
      {
        "var": "name"
      },
      "\" is missing"
    ],
    "json-not-object": "expected a JSON object",
    "json-syntax": [
      "not valid JSON (line ",
      {
        "var": "line"
      },
      ", column ",
      {
        "var": "column"
      },
      ")"
    ],
    "json-too-deep": [
      "it nests more than ",
      {
        "var": "max"
      },
      " levels"
    ],
    "json-too-large": [
      "the document is ",
      {
        "var": "len"
      },
      " bytes; the limit is ",
      {
        "var": "max"
      }
    ],
    "json-trailing": "there is data after the JSON document",
    "json-unknown-member": [
      "the member \"",
      {
        "var": "name"
      },
      "\" is not part of this format"
    ],
    "json-wrong-type": [
      "a value is not of the type the format asks for (line ",
      {
        "var": "line"
      },
      ", column ",
      {
        "var": "column"
      },
      ")"
    ],
    "key-alg": "alg must be EdDSA or Ed25519",
    "key-kid-mismatch": [
      "kid \"",
      {
        "var": "given"
      },
      "\" is not the key's thumbprint id \"",
      {
        "var": "kid"
      },
      "\""
    ],
    "key-not-jwk": [
      "not a valid JWK: ",
      {
        "var": "error"
      }
    ],
    "key-ops": "key_ops does not allow verify",
    "key-private": [
      "contains a private key (member \"",
      {
        "var": "member"
      },
      "\"); publish only public keys"
    ],
    "key-set-duplicate-kid": [
      "two keys share the kid \"",
      {
        "var": "kid"
      },
      "\""
    ],
    "key-set-issuer": [
      "the key set's issuer is invalid: ",
      {
        "var": "problem"
      }
    ],
    "key-set-issuer-id": [
      "issuer ",
      {
        "var": "problem"
      }
    ],
    "key-set-issuer-name": [
      "issuer_name ",
      {
        "var": "problem"
      }
    ],
    "key-set-json": [
      "the key set is not valid JSON of the expected shape: ",
      {
        "var": "error"
      }
    ],
    "key-set-key": [
      "key ",
      {
        "var": "index"
      },
      ": ",
      {
        "var": "problem"
      }
    ],
    "key-set-key-count": [
      "a key set holds 1 to ",
      {
        "var": "max"
      },
      " keys; this one holds ",
      {
        "var": "count"
      }
    ],
    "key-set-labels": [
      "attribute_labels is invalid: ",
      {
        "var": "problem"
      }
    ],
    "key-time-range": [
      {
        "var": "name"
      },
      " must be between 0 and ",
      {
        "var": "max"
      }
    ],
    "key-type": [
      "must be kty OKP with crv Ed25519, not ",
      {
        "var": "kty"
      },
      "/",
      {
        "var": "crv"
      }
    ],
    "key-use": "use must be sig",
    "key-window": "exp must be after nbf",
    "key-x-canonical": "x is not the canonical encoding of its point",
    "key-x-length": "x must be 32 bytes of unpadded base64url",
    "key-x-point": "x is not a valid Ed25519 point",
    "key-x-small-order": "x is a small-order point, which would accept forged signatures",
    "label-count": [
      "at most ",
      {
        "var": "max"
      },
      " attributes with labels; this set has ",
      {
        "var": "count"
      }
    ],
    "label-key": [
      "\"",
      {
        "var": "key"
      },
      "\" is not a field name (1 to 40 characters of a–z, 0–9, '_', '.', '-')"
    ],
    "label-language": [
      {
        "var": "key"
      },
      ": \"",
      {
        "var": "lang"
      },
      "\" is not a language code (2 or 3 lowercase letters, such as es or en)"
    ],
    "label-languages": [
      {
        "var": "key"
      },
      ": the label is given in 1 to ",
      {
        "var": "max"
      },
      " languages"
    ],
    "label-text": [
      {
        "var": "key"
      },
      ".",
      {
        "var": "lang"
      },
      ": the label ",
      {
        "var": "problem"
      },
      " (at most 60 characters)"
    ],
    "part-header": "the header",
    "part-payload": "the payload",
    "part-signature": "the signature",
    "problem-after-9999": "must not be after the year 9999",
    "problem-attribute-key": "field names are 1 to 40 characters of a–z, 0–9, '_', '.', '-'",
    "problem-empty": "must not be empty",
    "problem-exp-after-iat": "must be after the issue time (iat)",
    "problem-exp-after-nbf": "must be after the start of validity (nbf)",
    "problem-forbidden-characters": "must not contain control or invisible format characters",
    "problem-issuer-id": "must be 1 to 128 printable ASCII characters without spaces",
    "problem-negative": "must not be negative",
    "problem-serial-characters": "may contain only letters, digits, '-', '_' and '.'",
    "problem-serial-length": "must be 1 to 64 characters",
    "problem-status-times": "iat and exp must be between 1970 and 9999, exp after iat",
    "problem-too-long": "is too long",
    "problem-too-many-attributes": "has too many entries",
    "reason-bad_signature": "The signature does not match: the certificate was altered or forged.",
    "reason-expired": "The certificate has expired.",
    "reason-invalid_claims": "The certificate's data break the format's rules.",
    "reason-issuer_not_accredited": "The issuer was not accredited by the federation on the issue date.",
    "reason-issuer_suspended": "The federation had suspended the issuer when this certificate was issued.",
    "reason-key_not_valid_at_issuance": "The issuer's key was not authorised to sign on the issue date.",
    "reason-key_revoked": "The issuer's key was revoked as compromised before this certificate was signed.",
    "reason-malformed_token": "The code is not a readable Sello certificate: it is damaged, incomplete or not a certificate.",
    "reason-not_yet_valid": "The certificate is not valid yet.",
    "reason-revoked": "The issuer revoked this certificate.",
    "reason-standard_out_of_scope": "The issuer was not accredited for this standard on the issue date.",
    "reason-status_unavailable": "The signature is authentic, but no current status list is available to tell whether it was revoked.",
    "reason-trust_bundle_older_than_token": "The certificate is newer than the trust bundle, which does not know its issuer or key: get a current trust bundle.",
    "reason-unknown_issuer": "The issuer is not among the trusted issuers.",
    "reason-unknown_key": "The issuer is trusted, but the key that signed this is not published.",
    "reason-unsupported_header": "The certificate uses an algorithm or header that Sello does not accept.",
    "role-registry": "registry key",
    "role-root": "root key",
    "root-base64": "the root document has a payload, header or signature that is not base64url",
    "root-duplicate-key": [
      "the key «",
      {
        "var": "kid"
      },
      "» appears twice in the root document"
    ],
    "root-federation": [
      "the federation id ",
      {
        "var": "problem"
      }
    ],
    "root-json": [
      "the root document is not JSON of the expected shape: ",
      {
        "var": "error"
      }
    ],
    "root-key": [
      {
        "var": "role"
      },
      " ",
      {
        "var": "index"
      },
      ": ",
      {
        "var": "problem"
      }
    ],
    "root-key-count": [
      "a root document has 1 to ",
      {
        "var": "max"
      },
      " of each kind of key (",
      {
        "var": "role"
      },
      "); this one has ",
      {
        "var": "count"
      }
    ],
    "root-key-window": "root and registry keys have no nbf, exp or revoked_at; a new root version changes them",
    "root-name": [
      "the federation's name ",
      {
        "var": "problem"
      }
    ],
    "root-signature-count": [
      "a root document has at most ",
      {
        "var": "max"
      },
      " signatures; this one has ",
      {
        "var": "count"
      }
    ],
    "root-signature-header": [
      "signature ",
      {
        "var": "index"
      },
      " of the root document: ",
      {
        "var": "error"
      }
    ],
    "root-signature-length": [
      "signature ",
      {
        "var": "index"
      },
      " of the root document is not 64 bytes"
    ],
    "root-threshold": [
      "the root threshold ",
      {
        "var": "threshold"
      },
      " is not between 1 and the ",
      {
        "var": "keys"
      },
      " root keys"
    ],
    "root-time": "the root document's iat must be from 1970 to the year 9999",
    "root-version": [
      "the root version must be 1 to ",
      {
        "var": "max"
      }
    ],
    "status-claims": [
      "invalid status list claim: ",
      {
        "var": "problem"
      }
    ],
    "status-encoding": [
      "the list is not gzip in base64url of the declared size: ",
      {
        "var": "problem"
      }
    ],
    "status-gzip": "the gzip data is damaged",
    "status-length": [
      {
        "var": "got"
      },
      " bytes of bits for ",
      {
        "var": "size"
      },
      " entries"
    ],
    "status-not-base64": "not base64url",
    "status-size": [
      "a status list has a multiple of 8 entries from ",
      {
        "var": "min"
      },
      " to ",
      {
        "var": "max"
      },
      "; this one declares ",
      {
        "var": "size"
      }
    ],
    "status-token": [
      "status list token: ",
      {
        "var": "error"
      }
    ],
    "status-trailing": "data after the gzip stream",
    "token-algorithm": [
      "alg \"",
      {
        "var": "alg"
      },
      "\" is not accepted; Sello tokens are signed with Ed25519 (alg EdDSA or Ed25519) only"
    ],
    "token-base64": [
      {
        "var": "part"
      },
      " is not strict unpadded base64url"
    ],
    "token-claims": [
      "invalid claim ",
      {
        "var": "error"
      }
    ],
    "token-forbidden-member": [
      "header member \"",
      {
        "var": "name"
      },
      "\" is not allowed (keys never come from the token)"
    ],
    "token-json": [
      {
        "var": "part"
      },
      " is not valid: ",
      {
        "var": "detail"
      }
    ],
    "token-kid-length": "kid must be 1 to 64 bytes",
    "token-member-missing": [
      {
        "var": "name"
      },
      " is missing"
    ],
    "token-member-not-string": [
      {
        "var": "name"
      },
      " must be a string"
    ],
    "token-parts": [
      "a token has 3 parts separated by '.'; this has ",
      {
        "var": "count"
      }
    ],
    "token-signature-length": [
      "an Ed25519 signature is 64 bytes; this one is ",
      {
        "var": "len"
      }
    ],
    "token-too-long": [
      "the token is ",
      {
        "var": "len"
      },
      " bytes; the limit is ",
      {
        "var": "max"
      }
    ],
    "token-type": [
      "typ \"",
      {
        "var": "typ"
      },
      "\" is not the expected type (certificates are \"sello+jwt\", status lists \"sello-status+jwt\")"
    ],
    "url-scheme": "verify_url must start with https:// (http:// only for localhost)",
    "url-shape": "verify_url must be at most 200 printable ASCII characters, without '#'",
    "verdict-indeterminate": "CERTIFICATE COULD NOT BE CONFIRMED",
    "verdict-invalid": "INVALID CERTIFICATE",
    "verdict-valid": "VALID CERTIFICATE",
    "verification-valid": "Authentic signature from a trusted issuer; the certificate is in force.",
    "zone-shape": [
      "time_zone must be an IANA name of the form Area/Location (for example America/Mexico_City) or UTC, of at most ",
      {
        "var": "max"
      },
      " ASCII characters; not \"",
      {
        "var": "name"
      },
      "\""
    ],
    "zone-unknown": [
      "time_zone \"",
      {
        "var": "name"
      },
      "\" is not a time zone of the IANA database Sello knows (for example: America/Mexico_City, America/Tijuana, America/Cancun)"
    ]
  },
  "es": {
    "bundle-chain": "la cadena raíz del paquete de confianza no son versiones consecutivas de su federación que terminen en su raíz",
    "bundle-duplicate-issuer": [
      "el paquete de confianza lista dos veces al emisor «",
      {
        "var": "issuer"
      },
      "»"
    ],
    "bundle-federation": [
      "el id de federación del paquete de confianza ",
      {
        "var": "problem"
      }
    ],
    "bundle-issuer": [
      "emisor ",
      {
        "var": "index"
      },
      " del paquete de confianza: ",
      {
        "var": "problem"
      }
    ],
    "bundle-issuer-count": [
      "un paquete de confianza tiene a lo más ",
      {
        "var": "max"
      },
      " emisores; este tiene ",
      {
        "var": "count"
      }
    ],
    "bundle-root": [
      "documento raíz ",
      {
        "var": "index"
      },
      " del paquete de confianza: ",
      {
        "var": "error"
      }
    ],
    "bundle-seq": "el seq del paquete de confianza debe ser de 1 a 2^53 − 1",
    "bundle-times": "el iat y el fresh_until del paquete de confianza deben estar entre 1970 y el año 9999, fresh_until después de iat",
    "bundle-token": [
      "paquete de confianza: ",
      {
        "var": "error"
      }
    ],
    "bundle-url": [
      "la URL de verificación del paquete de confianza: ",
      {
        "var": "problem"
      }
    ],
    "claim-error": [
      {
        "var": "field"
      },
      ": ",
      {
        "var": "problem"
      }
    ],
    "entry-accredited": "la ventana de acreditación debe estar entre 1970 y el año 9999, exp después de nbf",
    "entry-scope-code": [
      "entrada ",
      {
        "var": "index"
      },
      " del alcance: ",
      {
        "var": "problem"
      }
    ],
    "entry-scope-count": [
      "el alcance tiene de 1 a ",
      {
        "var": "max"
      },
      " estándares; este tiene ",
      {
        "var": "count"
      }
    ],
    "entry-scope-window": [
      "entrada ",
      {
        "var": "index"
      },
      " del alcance: la ventana debe estar entre 1970 y el año 9999, exp después de nbf"
    ],
    "entry-status": [
      "su lista de estado: ",
      {
        "var": "error"
      }
    ],
    "entry-status-issuer": "su lista de estado es de otro emisor",
    "entry-suspended": "la suspensión necesita una fecha entre 1970 y el año 9999 y un motivo de 1 a 200 caracteres visibles",
    "io-invalid-data": "los datos no son válidos",
    "io-is-a-directory": "es una carpeta",
    "io-not-a-directory": "no es una carpeta",
    "io-not-found": "no existe",
    "io-other": [
      "error de lectura (",
      {
        "var": "kind"
      },
      ")"
    ],
    "io-permission-denied": "permiso denegado",
    "io-too-large": "es demasiado grande",
    "json-array": "hay un arreglo donde el formato no lo admite",
    "json-duplicate": [
      "el miembro «",
      {
        "var": "name"
      },
      "» está repetido"
    ],
    "json-eof": "el JSON termina antes de tiempo",
    "json-missing-member": [
      "falta el miembro «",
      {
        "var": "name"
      },
      "»"
    ],
    "json-not-object": "se esperaba un objeto JSON",
    "json-syntax": [
      "no es JSON válido (línea ",
      {
        "var": "line"
      },
      ", columna ",
      {
        "var": "column"
      },
      ")"
    ],
    "json-too-deep": [
      "anida más de ",
      {
        "var": "max"
      },
      " niveles"
    ],
    "json-too-large": [
      "el documento tiene ",
      {
        "var": "len"
      },
      " bytes; el límite es ",
      {
        "var": "max"
      }
    ],
    "json-trailing": "hay datos después del documento JSON",
    "json-unknown-member": [
      "el miembro «",
      {
        "var": "name"
      },
      "» no existe en este formato"
    ],
    "json-wrong-type": [
      "un valor no es del tipo que el formato pide (línea ",
      {
        "var": "line"
      },
      ", columna ",
      {
        "var": "column"
      },
      ")"
    ],
    "key-alg": "alg debe ser EdDSA o Ed25519",
    "key-kid-mismatch": [
      "el kid «",
      {
        "var": "given"
      },
      "» no es el id de huella de la llave, «",
      {
        "var": "kid"
      },
      "»"
    ],
    "key-not-jwk": [
      "no es una JWK válida: ",
      {
        "var": "error"
      }
    ],
    "key-ops": "key_ops no permite verify",
    "key-private": [
      "contiene una llave privada (miembro «",
      {
        "var": "member"
      },
      "»); publique solo llaves públicas"
    ],
    "key-set-duplicate-kid": [
      "dos llaves tienen el mismo kid «",
      {
        "var": "kid"
      },
      "»"
    ],
    "key-set-issuer": [
      "el emisor del conjunto de llaves no es válido: ",
      {
        "var": "problem"
      }
    ],
    "key-set-issuer-id": [
      "el id del emisor ",
      {
        "var": "problem"
      }
    ],
    "key-set-issuer-name": [
      "el nombre del emisor ",
      {
        "var": "problem"
      }
    ],
    "key-set-json": [
      "el conjunto de llaves no es JSON de la forma esperada: ",
      {
        "var": "error"
      }
    ],
    "key-set-key": [
      "llave ",
      {
        "var": "index"
      },
      ": ",
      {
        "var": "problem"
      }
    ],
    "key-set-key-count": [
      "un conjunto de llaves tiene de 1 a ",
      {
        "var": "max"
      },
      " llaves; este tiene ",
      {
        "var": "count"
      }
    ],
    "key-set-labels": [
      "attribute_labels no es válido: ",
      {
        "var": "problem"
      }
    ],
    "key-time-range": [
      {
        "var": "name"
      },
      " debe estar entre 0 y ",
      {
        "var": "max"
      }
    ],
    "key-type": [
      "debe ser kty OKP con crv Ed25519, no ",
      {
        "var": "kty"
      },
      "/",
      {
        "var": "crv"
      }
    ],
    "key-use": "use debe ser sig",
    "key-window": "exp debe ser posterior a nbf",
    "key-x-canonical": "x no es la codificación canónica de su punto",
    "key-x-length": "x debe ser de 32 bytes en base64url sin relleno",
    "key-x-point": "x no es un punto Ed25519 válido",
    "key-x-small-order": "x es un punto de orden pequeño, que aceptaría firmas falsas",
    "label-count": [
      "a lo más ",
      {
        "var": "max"
      },
      " atributos con nombre; este conjunto tiene ",
      {
        "var": "count"
      }
    ],
    "label-key": [
      "«",
      {
        "var": "key"
      },
      "» no es un nombre de campo (de 1 a 40 caracteres entre a–z, 0–9, «_», «.» y «-»)"
    ],
    "label-language": [
      {
        "var": "key"
      },
      ": «",
      {
        "var": "lang"
      },
      "» no es un código de idioma (2 o 3 letras minúsculas, como es o en)"
    ],
    "label-languages": [
      {
        "var": "key"
      },
      ": el nombre se da en 1 a ",
      {
        "var": "max"
      },
      " idiomas"
    ],
    "label-text": [
      {
        "var": "key"
      },
      ".",
      {
        "var": "lang"
      },
      ": el nombre ",
      {
        "var": "problem"
      },
      " (a lo más 60 caracteres)"
    ],
    "part-header": "la cabecera",
    "part-payload": "el contenido",
    "part-signature": "la firma",
    "problem-after-9999": "no debe ser posterior al año 9999",
    "problem-attribute-key": "los nombres de campo tienen de 1 a 40 caracteres entre a–z, 0–9, «_», «.» y «-»",
    "problem-empty": "no debe estar vacío",
    "problem-exp-after-iat": "debe ser posterior a la emisión (iat)",
    "problem-exp-after-nbf": "debe ser posterior al inicio de vigencia (nbf)",
    "problem-forbidden-characters": "no debe contener caracteres de control ni caracteres de formato invisibles",
    "problem-issuer-id": "debe tener de 1 a 128 caracteres ASCII imprimibles, sin espacios",
    "problem-negative": "no debe ser negativo",
    "problem-serial-characters": "solo puede tener letras, dígitos, «-», «_» y «.»",
    "problem-serial-length": "debe tener de 1 a 64 caracteres",
    "problem-status-times": "iat y exp deben estar entre 1970 y 9999, y exp después de iat",
    "problem-too-long": "es demasiado largo",
    "problem-too-many-attributes": "tiene demasiados campos",
    "reason-bad_signature": "La firma no corresponde: el certificado fue alterado o falsificado.",
    "reason-expired": "El certificado ya venció.",
    "reason-invalid_claims": "Los datos del certificado no cumplen el formato.",
    "reason-issuer_not_accredited": "El emisor no estaba acreditado por la federación en la fecha de emisión.",
    "reason-issuer_suspended": "La federación había suspendido al emisor cuando se emitió este certificado.",
    "reason-key_not_valid_at_issuance": "La llave del emisor no estaba autorizada para firmar en la fecha de emisión.",
    "reason-key_revoked": "La llave del emisor fue revocada por compromiso antes de firmar este certificado.",
    "reason-malformed_token": "El código no es un certificado Sello legible: está dañado, incompleto o no es un certificado.",
    "reason-not_yet_valid": "El certificado todavía no entra en vigor.",
    "reason-revoked": "El emisor revocó este certificado.",
    "reason-standard_out_of_scope": "El emisor no estaba acreditado para este estándar en la fecha de emisión.",
    "reason-status_unavailable": "La firma es auténtica, pero no hay una lista de estado vigente para saber si fue revocado.",
    "reason-trust_bundle_older_than_token": "El certificado es más reciente que el paquete de confianza, que no conoce a su emisor o su llave: consiga un paquete de confianza actual.",
    "reason-unknown_issuer": "El emisor no está entre los emisores de confianza.",
    "reason-unknown_key": "El emisor es de confianza, pero la llave con que se firmó no está publicada.",
    "reason-unsupported_header": "El certificado usa un algoritmo o una cabecera que Sello no acepta.",
    "role-registry": "llave del registro",
    "role-root": "llave raíz",
    "root-base64": "el documento raíz tiene una carga, cabecera o firma que no es base64url",
    "root-duplicate-key": [
      "la llave «",
      {
        "var": "kid"
      },
      "» aparece dos veces en el documento raíz"
    ],
    "root-federation": [
      "el id de la federación ",
      {
        "var": "problem"
      }
    ],
    "root-json": [
      "el documento raíz no es JSON de la forma esperada: ",
      {
        "var": "error"
      }
    ],
    "root-key": [
      {
        "var": "role"
      },
      " ",
      {
        "var": "index"
      },
      ": ",
      {
        "var": "problem"
      }
    ],
    "root-key-count": [
      "un documento raíz tiene de 1 a ",
      {
        "var": "max"
      },
      " llaves de cada clase (",
      {
        "var": "role"
      },
      "); este tiene ",
      {
        "var": "count"
      }
    ],
    "root-key-window": "las llaves raíz y del registro no llevan nbf, exp ni revoked_at; una nueva versión de la raíz las cambia",
    "root-name": [
      "el nombre de la federación ",
      {
        "var": "problem"
      }
    ],
    "root-signature-count": [
      "un documento raíz tiene a lo más ",
      {
        "var": "max"
      },
      " firmas; este tiene ",
      {
        "var": "count"
      }
    ],
    "root-signature-header": [
      "firma ",
      {
        "var": "index"
      },
      " del documento raíz: ",
      {
        "var": "error"
      }
    ],
    "root-signature-length": [
      "la firma ",
      {
        "var": "index"
      },
      " del documento raíz no mide 64 bytes"
    ],
    "root-threshold": [
      "el umbral raíz ",
      {
        "var": "threshold"
      },
      " no está entre 1 y las ",
      {
        "var": "keys"
      },
      " llaves raíz"
    ],
    "root-time": "el iat del documento raíz debe estar entre 1970 y el año 9999",
    "root-version": [
      "la versión de la raíz debe ser de 1 a ",
      {
        "var": "max"
      }
    ],
    "status-claims": [
      "dato no válido de la lista de estado: ",
      {
        "var": "problem"
      }
    ],
    "status-encoding": [
      "la lista no es gzip en base64url del tamaño declarado: ",
      {
        "var": "problem"
      }
    ],
    "status-gzip": "los datos gzip están dañados",
    "status-length": [
      {
        "var": "got"
      },
      " bytes de bits para ",
      {
        "var": "size"
      },
      " entradas"
    ],
    "status-not-base64": "no es base64url",
    "status-size": [
      "una lista de estado tiene un múltiplo de 8 entradas, de ",
      {
        "var": "min"
      },
      " a ",
      {
        "var": "max"
      },
      "; esta declara ",
      {
        "var": "size"
      }
    ],
    "status-token": [
      "token de lista de estado: ",
      {
        "var": "error"
      }
    ],
    "status-trailing": "hay datos después del flujo gzip",
    "token-algorithm": [
      "el algoritmo «",
      {
        "var": "alg"
      },
      "» no se acepta: los certificados Sello se firman solo con Ed25519 (alg EdDSA o Ed25519)"
    ],
    "token-base64": [
      {
        "var": "part"
      },
      " no está en base64url estricto sin relleno"
    ],
    "token-claims": [
      "dato no válido: ",
      {
        "var": "error"
      }
    ],
    "token-forbidden-member": [
      "el miembro «",
      {
        "var": "name"
      },
      "» no se admite en la cabecera (las llaves nunca vienen del token)"
    ],
    "token-json": [
      {
        "var": "part"
      },
      " no se puede leer: ",
      {
        "var": "detail"
      }
    ],
    "token-kid-length": "el kid debe tener de 1 a 64 bytes",
    "token-member-missing": [
      "falta ",
      {
        "var": "name"
      }
    ],
    "token-member-not-string": [
      {
        "var": "name"
      },
      " debe ser texto"
    ],
    "token-parts": [
      "un token tiene 3 partes separadas por «.»; este tiene ",
      {
        "var": "count"
      }
    ],
    "token-signature-length": [
      "una firma Ed25519 tiene 64 bytes; esta tiene ",
      {
        "var": "len"
      }
    ],
    "token-too-long": [
      "el token tiene ",
      {
        "var": "len"
      },
      " bytes; el límite es ",
      {
        "var": "max"
      }
    ],
    "token-type": [
      "el tipo «",
      {
        "var": "typ"
      },
      "» no es el esperado (certificados: «sello+jwt»; listas de estado: «sello-status+jwt»)"
    ],
    "url-scheme": "verify_url debe empezar con https:// (http:// solo para localhost)",
    "url-shape": "verify_url debe tener a lo más 200 caracteres ASCII imprimibles, sin «#»",
    "verdict-indeterminate": "NO SE PUDO CONFIRMAR EL CERTIFICADO",
    "verdict-invalid": "CERTIFICADO NO VÁLIDO",
    "verdict-valid": "CERTIFICADO VÁLIDO",
    "verification-valid": "Firma auténtica de un emisor de confianza; certificado vigente.",
    "zone-shape": [
      "time_zone debe ser un nombre IANA de la forma Área/Lugar (por ejemplo America/Mexico_City) o UTC, de a lo más ",
      {
        "var": "max"
      },
      " caracteres ASCII; no «",
      {
        "var": "name"
      },
      "»"
    ],
    "zone-unknown": [
      "time_zone «",
      {
        "var": "name"
      },
      "» no es una zona horaria de la base de datos IANA que conoce Sello (por ejemplo: America/Mexico_City, America/Tijuana, America/Cancun)"
    ]
  }
});
