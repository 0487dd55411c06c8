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
