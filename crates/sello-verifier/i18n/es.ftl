# sello-verifier: lo que no se pudo leer o cargar, en español.

## Entradas de `sello verify`, `sello scan` y la API (códigos en InputError::code)

input-not-found = { $what }: no existe ese archivo, y no es un certificado ni un enlace
input-io = { $what }: { $error }
input-too-large = { $what }: pasa del límite de { $max } bytes
input-unrecognised = { $what }: no es una imagen PNG, JPEG ni SVG, ni texto
input-image = { $what }: { $error }
input-not-svg = { $what }: se llama .svg pero no es un documento SVG
input-svg = { $what }: { $error }; envíe en su lugar el PNG del código QR (`sello issue --qr ARCHIVO.png`), o una foto o un escaneo del certificado impreso
input-pdf = { $what }: los PDF no se leen; envíe en su lugar el PNG del código QR que `sello issue --batch` escribe junto a cada PDF (<folio>.png), o una foto o un escaneo del certificado impreso
input-no-qr = { $what }: no se encontró ningún código QR en la imagen
input-not-certificate = { $what }: no es un certificado Sello (un certificado es un token de tres partes separadas por «.», o un enlace que termina en #token)
input-too-many-files = { $what }: más de { $max } archivos que verificar

## Imágenes

image-too-large = la imagen tiene { $len } bytes; el límite es { $max }
image-not-image = no es una imagen PNG ni JPEG
image-dimensions = la imagen mide { $width }×{ $height } píxeles; el límite es { $side } por lado y { $pixels } en total
image-decode = no se pudo decodificar la imagen (está dañada o incompleta)
image-stopped = la lectura de la imagen se detuvo antes de terminar

## SVG

svg-too-large = el SVG tiene { $len } bytes; el límite es { $max }
svg-not-svg = no es un documento SVG (su elemento raíz no es <svg> del espacio de nombres SVG)
svg-xml = el SVG no es XML bien formado
svg-doctype = el SVG tiene una declaración de tipo de documento, que no se lee
svg-too-complex = el SVG es demasiado complejo para dibujarlo
svg-unsupported = el SVG usa filtros, máscaras o patrones, que no se dibujan
svg-render = el SVG no se pudo dibujar

## Emisores de confianza y listas de estado

trust-io = { $path }: { $error }
trust-key-set = { $path }: { $error }
trust-conflict = el emisor «{ $issuer }» aparece dos veces con conjuntos de llaves distintos
trust-too-many-files = { $path }: más de { $max } archivos de conjuntos de llaves
trust-no-key-set = { $path }: no se encontró ningún conjunto de llaves (*.json)
trust-too-many-entries = { $path }: demasiadas entradas en la carpeta
status-unknown-issuer = lista de estado del emisor «{ $issuer }», que no es de confianza
status-signature = lista de estado del emisor «{ $issuer }»: la firma no corresponde a ninguna llave válida en su fecha (iat)
status-io = { $path }: { $error }

## Federaciones (FORMAT.md §5.9)

fed-root = el documento raíz: { $error }
fed-pinned-not-signed = el documento raíz fijado (versión { $version }) no está firmado por un umbral de sus propias llaves raíz
fed-bundle = { $error }
fed-federation-mismatch = el paquete de confianza es de la federación «{ $bundle }», no de la de la raíz fijada «{ $pinned }»
fed-root-conflict = el paquete de confianza trae un documento raíz de versión { $version } distinto del de confianza
fed-root-gap = la cadena raíz del paquete de confianza salta de la versión { $have } a la { $next }
fed-root-not-authorised = la versión { $version } de la raíz no está firmada por un umbral de las llaves de la raíz anterior
fed-root-not-self-signed = la versión { $version } de la raíz no está firmada por un umbral de sus propias llaves raíz
fed-root-version = el paquete de confianza está firmado bajo la versión { $bundle } de la raíz, pero la cadena llega a la versión { $reached }
fed-signed-by-root-key = el paquete de confianza está firmado con una llave raíz; solo las llaves del registro firman paquetes de confianza
fed-unknown-signer = el paquete de confianza está firmado con «{ $kid }», que no es una llave del registro de la raíz
fed-bad-signature = la firma del paquete de confianza no corresponde: fue alterado o falsificado
fed-from-future = el paquete de confianza tiene fecha futura (iat { $iat }); revise el reloj
fed-too-old = el paquete de confianza (iat { $iat }) es más antiguo que la edad máxima de { $max } { $max ->
    [one] segundo
   *[other] segundos
}
fed-status = la lista de estado de «{ $issuer }» en el paquete de confianza: { $error }
fed-rollback = rechazado: este paquete de confianza (seq { $seq }) es más antiguo que uno ya aceptado (seq { $stored }); consiga el actual
fed-root-rollback = rechazado: este paquete de confianza está firmado bajo la versión { $root } de la raíz, más antigua que la versión { $stored } ya aceptada
fed-equivocation = rechazado: ya se aceptó otro paquete de confianza con el mismo seq { $seq }; la federación firmó dos paquetes distintos con un mismo número (repórtelo)
fed-state-io = el estado de la federación { $path }: { $error }
fed-state-corrupt = el archivo de estado de la federación { $path } no es uno que Sello escriba
trust-chain-standard = { $issuer }, acreditado por { $federation } para { $standard } desde { $since } (según el paquete de confianza del { $as_of })
trust-chain = { $issuer }, acreditado por { $federation } desde { $since } (según el paquete de confianza del { $as_of })
trust-chain-stale = El paquete de confianza ya pasó su fecha de frescura: consiga uno más reciente.

## Detalles de un veredicto (verify.rs): para expertos y registros, después del motivo

detail-no-status-list = el certificado tiene una entrada de estado y no hay cargada ninguna lista de estado de su emisor
detail-status-lists-later = el certificado tiene una entrada de estado y todas las listas de estado de su emisor tienen fecha posterior a la de la verificación
detail-status-expired = la lista de estado del emisor venció (exp { $exp })
detail-status-set = la entrada { $idx } de la lista de estado del emisor está marcada
detail-status-beyond = el índice de estado { $idx } está fuera de las { $len } entradas de la lista de estado
detail-issuer-newer-than-bundle = el emisor no está en el paquete de confianza, que es anterior al token
detail-unknown-issuer = no hay un conjunto de llaves de confianza para el emisor "{ $issuer }"
detail-key-newer-than-bundle = la llave no está en el paquete de confianza, que es anterior al token
detail-unknown-key = el emisor { $issuer } no publica ninguna llave "{ $kid }"
detail-bad-signature = la firma Ed25519 no se verifica con la llave { $kid }
detail-key-revoked = la llave se revocó en el momento de la emisión (iat) o antes
detail-key-window = la emisión (iat) está fuera del periodo de firma de la llave
detail-iat-future = la emisión (iat) está en el futuro
detail-nbf-future = el inicio de vigencia (nbf) está en el futuro
detail-expired = el vencimiento (exp) ya pasó
detail-not-in-bundle = el emisor no tiene entrada en el paquete de confianza
detail-suspended = la federación suspendió al emisor desde { $from } ({ $why })
detail-not-accredited = la emisión (iat) está fuera del periodo de acreditación del emisor
detail-out-of-scope = el emisor no estaba acreditado para { $code } en la fecha de emisión (iat)
