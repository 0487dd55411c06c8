# sello-core: veredictos, motivos y errores del formato, en español.
# Cada mensaje tiene su par en en.ftl (las pruebas lo comprueban).

## Veredictos

verdict-valid = CERTIFICADO VÁLIDO
verdict-invalid = CERTIFICADO NO VÁLIDO
verdict-indeterminate = NO SE PUDO CONFIRMAR EL CERTIFICADO
verification-valid = Firma auténtica de un emisor de confianza; certificado vigente.

## Motivos (FORMAT.md §7)

reason-malformed_token = El código no es un certificado Sello legible: está dañado, incompleto o no es un certificado.
reason-unsupported_header = El certificado usa un algoritmo o una cabecera que Sello no acepta.
reason-invalid_claims = Los datos del certificado no cumplen el formato.
reason-unknown_issuer = El emisor no está entre los emisores de confianza.
reason-unknown_key = El emisor es de confianza, pero la llave con que se firmó no está publicada.
reason-bad_signature = La firma no corresponde: el certificado fue alterado o falsificado.
reason-expired = El certificado ya venció.
reason-not_yet_valid = El certificado todavía no entra en vigor.
reason-key_not_valid_at_issuance = La llave del emisor no estaba autorizada para firmar en la fecha de emisión.
reason-key_revoked = La llave del emisor fue revocada por compromiso antes de firmar este certificado.
reason-revoked = El emisor revocó este certificado.
reason-status_unavailable = La firma es auténtica, pero no hay una lista de estado vigente para saber si fue revocado.
reason-issuer_suspended = La federación había suspendido al emisor cuando se emitió este certificado.
reason-issuer_not_accredited = El emisor no estaba acreditado por la federación en la fecha de emisión.
reason-standard_out_of_scope = El emisor no estaba acreditado para este estándar en la fecha de emisión.
reason-trust_bundle_older_than_token = El certificado es más reciente que el paquete de confianza, que no conoce a su emisor o su llave: consiga un paquete de confianza actual.

## Reglas de los datos (FORMAT.md §2.4, §3.5)

claim-error = { $field }: { $problem }
problem-empty = no debe estar vacío
problem-too-long = es demasiado largo
problem-forbidden-characters = no debe contener caracteres de control ni caracteres de formato invisibles
problem-serial-length = debe tener de 1 a 64 caracteres
problem-serial-characters = solo puede tener letras, dígitos, «-», «_» y «.»
problem-issuer-id = debe tener de 1 a 128 caracteres ASCII imprimibles, sin espacios
problem-too-many-attributes = tiene demasiados campos
problem-attribute-key = los nombres de campo tienen de 1 a 40 caracteres entre a–z, 0–9, «_», «.» y «-»
problem-negative = no debe ser negativo
problem-after-9999 = no debe ser posterior al año 9999
problem-exp-after-iat = debe ser posterior a la emisión (iat)
problem-exp-after-nbf = debe ser posterior al inicio de vigencia (nbf)
problem-status-times = iat y exp deben estar entre 1970 y 9999, y exp después de iat

## JSON estricto (FORMAT.md §2.2)

json-too-large = el documento tiene { $len } bytes; el límite es { $max }
json-not-object = se esperaba un objeto JSON
json-duplicate = el miembro «{ $name }» está repetido
json-too-deep = anida más de { $max } niveles
json-array = hay un arreglo donde el formato no lo admite
json-unknown-member = el miembro «{ $name }» no existe en este formato
json-missing-member = falta el miembro «{ $name }»
json-wrong-type = un valor no es del tipo que el formato pide (línea { $line }, columna { $column })
json-syntax = no es JSON válido (línea { $line }, columna { $column })
json-eof = el JSON termina antes de tiempo
json-trailing = hay datos después del documento JSON

## El token (FORMAT.md §3)

part-header = la cabecera
part-payload = el contenido
part-signature = la firma
token-too-long = el token tiene { $len } bytes; el límite es { $max }
token-parts = un token tiene 3 partes separadas por «.»; este tiene { $count }
token-base64 = { $part } no está en base64url estricto sin relleno
token-json = { $part } no se puede leer: { $detail }
token-member-not-string = { $name } debe ser texto
token-member-missing = falta { $name }
token-kid-length = el kid debe tener de 1 a 64 bytes
token-signature-length = una firma Ed25519 tiene 64 bytes; esta tiene { $len }
token-algorithm = el algoritmo «{ $alg }» no se acepta: los certificados Sello se firman solo con Ed25519 (alg EdDSA o Ed25519)
token-type = el tipo «{ $typ }» no es el esperado (certificados: «sello+jwt»; listas de estado: «sello-status+jwt»)
token-forbidden-member = el miembro «{ $name }» no se admite en la cabecera (las llaves nunca vienen del token)
token-claims = dato no válido: { $error }

## Conjuntos de llaves (FORMAT.md §5)

key-set-json = el conjunto de llaves no es JSON de la forma esperada: { $error }
key-set-issuer = el emisor del conjunto de llaves no es válido: { $problem }
key-set-issuer-id = el id del emisor { $problem }
key-set-issuer-name = el nombre del emisor { $problem }
key-set-key-count = un conjunto de llaves tiene de 1 a { $max } llaves; este tiene { $count }
key-set-key = llave { $index }: { $problem }
key-set-duplicate-kid = dos llaves tienen el mismo kid «{ $kid }»
url-scheme = verify_url debe empezar con https:// (http:// solo para localhost)
url-shape = verify_url debe tener a lo más 200 caracteres ASCII imprimibles, sin «#»
zone-shape = time_zone debe ser un nombre IANA de la forma Área/Lugar (por ejemplo America/Mexico_City) o UTC, de a lo más { $max } caracteres ASCII; no «{ $name }»
zone-unknown = time_zone «{ $name }» no es una zona horaria de la base de datos IANA que conoce Sello (por ejemplo: America/Mexico_City, America/Tijuana, America/Cancun)
key-private = contiene una llave privada (miembro «{ $member }»); publique solo llaves públicas
key-not-jwk = no es una JWK válida: { $error }
key-type = debe ser kty OKP con crv Ed25519, no { $kty }/{ $crv }
key-alg = alg debe ser EdDSA o Ed25519
key-ops = key_ops no permite verify
key-use = use debe ser sig
key-x-length = x debe ser de 32 bytes en base64url sin relleno
key-x-point = x no es un punto Ed25519 válido
key-x-canonical = x no es la codificación canónica de su punto
key-x-small-order = x es un punto de orden pequeño, que aceptaría firmas falsas
key-kid-mismatch = el kid «{ $given }» no es el id de huella de la llave, «{ $kid }»
key-time-range = { $name } debe estar entre 0 y { $max }
key-window = exp debe ser posterior a nbf
key-set-labels = attribute_labels no es válido: { $problem }
label-count = a lo más { $max } atributos con nombre; este conjunto tiene { $count }
label-key = «{ $key }» no es un nombre de campo (de 1 a 40 caracteres entre a–z, 0–9, «_», «.» y «-»)
label-languages = { $key }: el nombre se da en 1 a { $max } idiomas
label-language = { $key }: «{ $lang }» no es un código de idioma (2 o 3 letras minúsculas, como es o en)
label-text = { $key }.{ $lang }: el nombre { $problem } (a lo más 60 caracteres)

## Listas de estado (FORMAT.md §5.8)

status-token = token de lista de estado: { $error }
status-size = una lista de estado tiene un múltiplo de 8 entradas, de { $min } a { $max }; esta declara { $size }
status-encoding = la lista no es gzip en base64url del tamaño declarado: { $problem }
status-not-base64 = no es base64url
status-gzip = los datos gzip están dañados
status-length = { $got } bytes de bits para { $size } entradas
status-trailing = hay datos después del flujo gzip
status-claims = dato no válido de la lista de estado: { $problem }

## Errores del sistema de archivos

io-not-found = no existe
io-permission-denied = permiso denegado
io-is-a-directory = es una carpeta
io-not-a-directory = no es una carpeta
io-invalid-data = los datos no son válidos
io-too-large = es demasiado grande
io-other = error de lectura ({ $kind })

## Federaciones: documentos raíz y paquetes de confianza (FORMAT.md §5.9)

role-root = llave raíz
role-registry = llave del registro
root-json = el documento raíz no es JSON de la forma esperada: { $error }
root-base64 = el documento raíz tiene una carga, cabecera o firma que no es base64url
root-signature-count = un documento raíz tiene a lo más { $max } firmas; este tiene { $count }
root-signature-header = firma { $index } del documento raíz: { $error }
root-signature-length = la firma { $index } del documento raíz no mide 64 bytes
root-federation = el id de la federación { $problem }
root-name = el nombre de la federación { $problem }
root-version = la versión de la raíz debe ser de 1 a { $max }
root-time = el iat del documento raíz debe estar entre 1970 y el año 9999
root-key-count = un documento raíz tiene de 1 a { $max } llaves de cada clase ({ $role }); este tiene { $count }
root-key = { $role } { $index }: { $problem }
root-key-window = las llaves raíz y del registro no llevan nbf, exp ni revoked_at; una nueva versión de la raíz las cambia
root-duplicate-key = la llave «{ $kid }» aparece dos veces en el documento raíz
root-threshold = el umbral raíz { $threshold } no está entre 1 y las { $keys } llaves raíz
bundle-token = paquete de confianza: { $error }
bundle-federation = el id de federación del paquete de confianza { $problem }
bundle-seq = el seq del paquete de confianza debe ser de 1 a 2^53 − 1
bundle-times = el iat y el fresh_until del paquete de confianza deben estar entre 1970 y el año 9999, fresh_until después de iat
bundle-chain = la cadena raíz del paquete de confianza no son versiones consecutivas de su federación que terminen en su raíz
bundle-root = documento raíz { $index } del paquete de confianza: { $error }
bundle-url = la URL de verificación del paquete de confianza: { $problem }
bundle-issuer-count = un paquete de confianza tiene a lo más { $max } emisores; este tiene { $count }
bundle-issuer = emisor { $index } del paquete de confianza: { $problem }
bundle-duplicate-issuer = el paquete de confianza lista dos veces al emisor «{ $issuer }»
entry-accredited = la ventana de acreditación debe estar entre 1970 y el año 9999, exp después de nbf
entry-scope-count = el alcance tiene de 1 a { $max } estándares; este tiene { $count }
entry-scope-code = entrada { $index } del alcance: { $problem }
entry-scope-window = entrada { $index } del alcance: la ventana debe estar entre 1970 y el año 9999, exp después de nbf
entry-suspended = la suspensión necesita una fecha entre 1970 y el año 9999 y un motivo de 1 a 200 caracteres visibles
entry-status = su lista de estado: { $error }
entry-status-issuer = su lista de estado es de otro emisor

## Fechas y horas (zone.rs)

time-out-of-range = la hora está fuera de rango: entre 1970 y 9999
date-form = no es una fecha AAAA-MM-DD
date-no-such-day = no existe ese día

## La forma numérica del texto del QR (FORMAT.md §4.1)

numeric-too-long = la forma numérica tiene { $len } dígitos; el límite es { $max }
numeric-odd-length = la forma numérica tiene { $len } dígitos, un número impar: cada carácter son dos
numeric-bad-pair = el par { $pair } (el { $at }.º) de la forma numérica no es ningún carácter de un token
