// Generated from crates/sello-core/i18n/*.ftl by sello_web::messages_js: do not edit.
// Rewrite with SELLO_WRITE_MESSAGES=1 cargo test -p sello-web messages.
//
// CATALOG[lang][id] is a pattern: a string, or an array of strings, {"var": name} and
// {"select": name, "variants": {key: pattern}, "default": key} (sello-verify.js formats it).
export const CATALOG = Object.freeze({
  "en": {
    "claim-error": [
      {
        "var": "field"
      },
      ": ",
      {
        "var": "problem"
      }
    ],
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
    "reason-key_not_valid_at_issuance": "The issuer's key was not authorised to sign on the issue date.",
    "reason-key_revoked": "The issuer's key was revoked as compromised before this certificate was signed.",
    "reason-malformed_token": "The code is not a readable Sello certificate: it is damaged, incomplete or not a certificate.",
    "reason-not_yet_valid": "The certificate is not valid yet.",
    "reason-revoked": "The issuer revoked this certificate.",
    "reason-status_unavailable": "The signature is authentic, but no current status list is available to tell whether it was revoked.",
    "reason-unknown_issuer": "The issuer is not among the trusted issuers.",
    "reason-unknown_key": "The issuer is trusted, but the key that signed this is not published.",
    "reason-unsupported_header": "The certificate uses an algorithm or header that Sello does not accept.",
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
    "claim-error": [
      {
        "var": "field"
      },
      ": ",
      {
        "var": "problem"
      }
    ],
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
    "reason-key_not_valid_at_issuance": "La llave del emisor no estaba autorizada para firmar en la fecha de emisión.",
    "reason-key_revoked": "La llave del emisor fue revocada por compromiso antes de firmar este certificado.",
    "reason-malformed_token": "El código no es un certificado Sello legible: está dañado, incompleto o no es un certificado.",
    "reason-not_yet_valid": "El certificado todavía no entra en vigor.",
    "reason-revoked": "El emisor revocó este certificado.",
    "reason-status_unavailable": "La firma es auténtica, pero no hay una lista de estado vigente para saber si fue revocado.",
    "reason-unknown_issuer": "El emisor no está entre los emisores de confianza.",
    "reason-unknown_key": "El emisor es de confianza, pero la llave con que se firmó no está publicada.",
    "reason-unsupported_header": "El certificado usa un algoritmo o una cabecera que Sello no acepta.",
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
