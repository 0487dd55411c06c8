# sello-web: lo que dice el servicio, en español.

## Errores de la API (ApiError; el id es api- y el código del error)

api-too-large = El envío es demasiado grande (texto: 64 KiB; imagen: 20 MiB).
api-unsupported-media-type = Envíe application/json {"{"}"token": …{"}"}, text/plain, una imagen PNG/JPEG o multipart/form-data con un campo image.
api-bad-json = El cuerpo no es JSON de la forma {"{"}"token": "…"{"}"}.
api-empty-input = No se recibió ningún certificado.
api-unrecognised-input = El texto no está en UTF-8.
api-bad-multipart = El formulario multipart está dañado.
api-no-image = El formulario no trae un campo image con una foto.
api-bad-image = El archivo no es una imagen PNG o JPEG legible.
api-no-qr-code = No se encontró ningún código QR en la imagen. Intente con una foto más nítida y cercana.
api-timeout = La verificación tardó demasiado; intente de nuevo.
api-unreadable = No se pudo leer el envío.
api-not-found = No existe esta página.
api-several-issuers = Este servicio confía en varios emisores: el conjunto de llaves de cada uno está en /.well-known/jwks/<emisor>.json.
api-batch-size = Envíe de 1 a 1000 certificados: {"{"}"tokens": ["…", …]{"}"} (hasta 1 MiB).
api-not-a-certificate = Esto no es un certificado Sello: el texto no contiene un certificado firmado. Envíe el texto o el enlace completo del código QR.

## El registro del servicio (mensajes; los nombres de los campos quedan como están, para las máquinas)

log-confusable-issuers = dos emisores de confianza que una persona podría confundir; compruebe que ambos son legítimos
log-status-expired = lista de estado vencida: los certificados de este emisor con entrada de estado quedan indeterminados hasta que se publique una lista más nueva
log-reload-failed = la recarga falló; sigue en uso el estado anterior
log-status-older = la lista de estado leída es más antigua que la que está en uso; se conserva la más nueva
log-reloaded = recargado
log-sighup = SIGHUP: recargando
log-reloader-stopped = el recargador se detuvo
log-status-in-use = lista de estado en uso
log-no-file-limit = no se pudo leer ni subir el límite de archivos abiertos
log-cap-lowered = tope de conexiones bajado para caber en el límite de archivos abiertos
log-cap = tope de conexiones
log-accept-failed = falló la aceptación de una conexión
log-cap-reached = tope de conexiones alcanzado: se cierra la conexión inactiva más antigua; las nuevas esperan
log-listening = escuchando
log-stopped = detenido
log-shutting-down = cerrando
log-decode-started = decodificando una imagen de { $width } × { $height } píxeles
log-decode-stopped = decodificación de imagen detenida: su solicitud terminó
log-same-documents = archivos cambiados, documentos iguales
log-connection-ended = conexión terminada
log-idle-closed-at-cap = conexión inactiva cerrada al alcanzar el tope de conexiones
log-quiet-closed = conexión sin tráfico cerrada
log-no-page-path = la página no se sirve en la ruta de verify_url de este emisor: { $problem }

## Lo que dice `sello serve` al empezar

banner = Servicio de verificación en { $url } (Ctrl-C para detener)

## La página (static/app.js la lee de messages.js: page- y la clave de la página)

page-pageTitle = Sello — Verificar un certificado
page-title = Verificar un certificado
page-inputsTitle = Lea el código QR del certificado
page-intro = Escanee el código con la cámara, suba una foto o pegue su contenido.
page-scan = Escanear con la cámara
page-photo = Subir una foto del código
page-stop = Detener la cámara
page-pasteLabel = O pegue aquí el texto o el enlace del código QR
page-verify = Verificar
page-privacy = Sello comprueba la firma digital (Ed25519) del emisor. Cuando su navegador lo permite, la verificación se hace en este dispositivo y el certificado no se envía a ningún servidor.
page-switchTo = English
page-switchLang = en
page-holder = Titular
page-holderId = Identificación (CURP)
page-achievement = Estándar
page-level = nivel
page-unit = Unidad
page-issuer = Emisor
page-serial = Folio
page-issued = Emitido
page-validFrom = Válido desde
page-expires = Vigente hasta
page-technical = Detalle técnico
page-reasonCode = Código
page-key = Llave
page-detail = Detalle
page-file = Archivo
page-otherData = Otros datos del certificado
page-otherDataNote = Campos que el emisor agregó, tal como los firmó. Sello no comprueba lo que dicen.
page-verifiedBy = Verificado por:
page-localFile = un archivo local, sin dirección
page-originNote = Confíe en este resultado solo si esa es la dirección oficial del verificador del organismo certificador: cualquiera puede poner esta misma página en otra dirección, con sus propias llaves.
page-trustData = Datos de confianza
page-noList = Esta página no tiene ninguna lista de estado de este emisor.
page-here = Verificado en este dispositivo: el certificado no se envió a ningún servidor.
page-server = Verificado por el servicio de verificación.
page-qrNumber = Código QR
page-verifying = Verificando…
page-looking = Apunte la cámara al código QR…
page-empty = Pegue el texto o el enlace del código QR.
page-noCamera = Este navegador no puede usar la cámara. Suba una foto del código.
page-cameraDenied = No se pudo abrir la cámara (¿se negó el permiso?). Suba una foto del código.
page-noQr = No se encontró ningún código QR en la imagen. Intente con una foto más nítida y cercana.
page-noServer = Este navegador no puede verificar por sí mismo y no hay servicio de verificación. Use un navegador actualizado.
page-noDecoder = Este navegador no puede leer códigos QR sin el servicio de verificación. Pegue el enlace del código o use un navegador actualizado.
page-network = No se pudo consultar el servicio de verificación. Revise su conexión e intente de nuevo.
page-statusRefused = Atención: no se aceptó una lista de estado publicada; los certificados de ese emisor saldrán como «no se pudo confirmar».
page-keysFailed = No se pudieron cargar las llaves de los emisores.
page-accredited = Acreditación
page-bundleRefused = No se pudo aceptar el paquete de confianza de la federación que publica esta página: no se verificó ningún certificado.
page-bundleRollback = Esta página sirve un paquete de confianza más antiguo que uno que este dispositivo ya aceptó (podría ocultar una suspensión o una revocación): no se verificó ningún certificado. Use el verificador oficial o intente más tarde.
page-bundleEquivocation = Esta página sirve un paquete de confianza distinto de otro con el mismo número que este dispositivo ya aceptó: la federación firmó dos paquetes distintos, o alguien falsificó uno. No se verificó ningún certificado; repórtelo al organismo.
page-rootChanged = El documento raíz de la federación que sirve esta página no continúa el que este dispositivo ya conoce: no se verificó ningún certificado.
page-notCertificateTitle = NO ES UN CERTIFICADO SELLO
page-error-not_a_certificate = Esto no es un certificado Sello: el texto o el código QR no contiene un certificado firmado. Escanee el código QR impreso en el certificado, o pegue el enlace completo.
page-error-too_large = La imagen es demasiado grande (máximo 20 MiB).
page-error-bad_image = El archivo no es una imagen PNG o JPEG legible.
page-error-no_qr_code = No se encontró ningún código QR en la imagen. Intente con una foto más nítida y cercana.
page-error-timeout = La verificación tardó demasiado; intente de nuevo.
page-ago = { $days ->
    [0] hace menos de un día
    [1] hace 1 día
   *[other] hace { $days } días
}
page-listFresh = Lista de estado del emisor: publicada el { $published } ({ $ago }), vigente hasta el { $until }.
page-listStale = Lista de estado del emisor VENCIDA el { $until } (publicada el { $published }, { $ago }): no se puede saber si el certificado fue revocado.

## The page: camera, on-device reader, attributes
page-cameraView = Vista de la cámara
page-torch = Linterna
page-hintGuide = Que el código ocupe un tercio del recuadro, sostenga el teléfono quieto y evite reflejos.
page-hintCloser = Acérquese: el código se ve demasiado pequeño.
page-hintSteady = Código a la vista: sostenga el teléfono quieto…
page-stillScanning = La cámara sigue leyendo: apunte a otro código o deténgala.
page-readerFailed = No se pudo cargar el lector de códigos QR de esta página. Pegue el enlace del código.

## Exportar el sitio (site.rs) y cargar lo que se sirve (reload.rs)

export-io = { $path }: { $error }
export-not-an-export = { $path }: no está vacía y no es una exportación anterior de sello site export (no tiene el archivo { $marker }): no se reemplaza
export-bad-target = { $path }: es un enlace simbólico o no es un nombre de carpeta: no se escribe ahí
load-no-keys = no se indicó ningún conjunto de llaves de confianza
load-io = { $path }: { $error }
load-not-a-document = { $path }: demasiado grande, o no es texto UTF-8
load-keys-and-bundle = se dieron conjuntos de claves de confianza y un paquete de confianza a la vez: con un paquete, se confía en los centros que acredita
log-bundle-stale = paquete de confianza pasado de su fecha de frescura: los veredictos son a su fecha; publique uno más reciente

## The page: guidance, offline trust data, receipts (the CLI's receipt says the same: sello-cli receipt-*)

page-guidance = Para leer el código: llene un tercio del encuadre, sostenga el teléfono quieto y evite reflejos.
page-trustAgeBundle = Datos de confianza: paquete n.º { $seq } del { $date }, obtenidos { $ago }.
page-trustAgeKeys = Datos de confianza: llaves de este sitio, obtenidas { $ago }.
page-trustOffline = Sin conexión: se usa la copia guardada en este dispositivo.
page-fetchedMinutes = { $minutes ->
    [0] hace un momento
    [1] hace 1 minuto
   *[other] hace { $minutes } minutos
}
page-fetchedHours = { $hours ->
    [1] hace 1 hora
   *[other] hace { $hours } horas
}
page-receiptButton = Descargar comprobante
page-receiptTitle = Comprobante de verificación — no es un certificado
page-receiptNotCertificate = Este documento NO es un certificado ni lo sustituye: deja constancia de que Sello verificó el certificado descrito abajo, cuándo y con qué resultado. Para comprobar el certificado, verifique el original (su código QR).
page-receiptBand = COMPROBANTE · NO ES UN CERTIFICADO
page-receiptCheckedAt = Verificado el
page-receiptCheckedWith = Verificado con
page-receiptTool = la página de verificación de Sello en { $address }
page-receiptToolLocal = la página de verificación de Sello (un archivo local, sin dirección)
page-receiptSource = Qué se verificó
page-receiptSourceLink = el enlace del código QR, abierto en la página
page-receiptSourcePaste = el texto pegado en la página
page-receiptSourcePhoto = una foto del código QR
page-receiptSourceCamera = el código QR, leído con la cámara
page-receiptQr = código QR { $n } de { $count }
page-receiptVerdict = Veredicto
page-receiptReason = Motivo
page-receiptTrust = Confianza
page-receiptTrustBundle = paquete de confianza n.º { $seq } de { $federation }, del { $date }
page-receiptTrustKeys = las llaves publicadas en keys.json por { $address }
page-receiptTrustKeysLocal = las llaves de keys.json de esta copia local
page-receiptHash = Huella del token (SHA-256)
page-receiptNoHash = no calculada: el navegador solo calcula huellas en páginas abiertas por HTTPS (o en este mismo equipo)
page-receiptFooter = La huella identifica el token verificado sin repetirlo: el mismo certificado da siempre la misma huella. Un comprobante puede alterarse como cualquier archivo; el certificado no.
page-receiptFileName = comprobante
page-receiptFailed = No se pudo preparar el comprobante.
