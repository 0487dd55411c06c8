# sello-cli: todas las palabras que muestra la orden sello, en español.

## General

error-prefix = error
warning-prefix = aviso
io-stdout = salida estándar: { $error }

## Línea de órdenes (clap): encabezados, uso, errores

cli-usage = Uso
cli-options = Opciones
cli-arguments = Argumentos
cli-commands = Órdenes
cli-options-tag = [OPCIONES]
cli-command-name = ORDEN
cli-default = predeterminado: { $value }
cli-possible = valores posibles: { $values }
cli-env = variable de entorno: { $var }
cli-more = Para más información, pruebe «{ $help }».
cli-did-you-mean = sugerencia: ¿quiso decir «{ $suggestion }»?
cli-did-you-mean-any = sugerencia: ¿quiso decir una de { $suggestions }?
cli-trailing = sugerencia: para pasar «{ $arg }» como valor, use «-- { $arg }»
cli-unknown-argument = argumento inesperado «{ $arg }»
cli-unknown-command = orden desconocida «{ $command }»
cli-invalid-value = valor no válido «{ $value }» para «{ $arg }»
cli-invalid-value-why = valor no válido «{ $value }» para «{ $arg }»: { $why }
cli-possible-values = valores posibles: { $values }
cli-missing = faltan estos argumentos obligatorios: { $args }
cli-missing-command = «{ $command }» necesita una orden, una de: { $commands }
cli-conflict = «{ $arg }» no se puede usar junto con «{ $other }»
cli-conflict-self = «{ $arg }» no se puede usar más de una vez
cli-no-equals = «{ $arg }» necesita un signo igual y un valor («{ $arg }=VALOR»)
cli-too-many-values = valor inesperado «{ $value }» para «{ $arg }»
cli-too-few-values = «{ $arg }» necesita más valores
cli-wrong-number = «{ $arg }» necesita { $expected } valores, no { $actual }
cli-not-utf8 = un argumento no es UTF-8 válido
cli-other = no se pudo leer la línea de órdenes ({ $kind })
cli-range = debe estar entre { $min } y { $max }
cli-not-number = no es un número entero
cli-not-address = no es una dirección con puerto, como 127.0.0.1:8080

## Ayuda: qué hace cada orden

about-sello = Sello: certificados firmados en códigos QR
about-keygen = Crea la carpeta de un emisor: identidad, llave de firma cifrada, conjunto de llaves públicas (jwks.json)
about-issue = Emite un certificado (imprime su token, escribe su código QR), o una lista con --batch
about-verify = Verifica tokens, enlaces, imágenes de QR (PNG, JPEG, SVG) o la entrada estándar (-)
about-scan = Imprime el texto de cada código QR que haya en las imágenes
about-demo = Ejecuta la demostración completa sobre una lista incluida de 39 personas
about-ledger = Consulta el registro de certificados emitidos del emisor
about-ledger-list = Lista los certificados emitidos
about-ledger-show = Muestra un certificado por su folio
about-ledger-export = Exporta todo el registro como JSON Lines (un certificado por línea) a la salida estándar
about-revoke = Revoca un certificado emitido por error (luego publique la lista de estado)
about-status = Publica la lista de estado firmada del emisor (revocaciones)
about-status-publish = Firma la lista de estado a partir del registro y escribe CARPETA_DEL_EMISOR/status.jwt
about-keys = Rota, revoca y publica las llaves del emisor
about-keys-rotate = Empieza a firmar con una llave nueva; la ventana de la anterior se cierra ahora y ambas siguen publicadas
about-keys-revoke = Marca una llave como comprometida desde un momento: se rechazan los tokens que firmó desde entonces
about-keys-publish = Imprime (o escribe) el conjunto de llaves públicas para quienes verifican
about-serve = Sirve la página de verificación, la API de verificación, los conjuntos de llaves y las listas de estado
about-site = Exporta la página de verificación con conjuntos de llaves y listas de estado como sitio estático
about-site-export = Escribe en una carpeta una copia estática de la página de verificación, los conjuntos de llaves y las listas de estado

## Ayuda: cada argumento y opción

help-help = Muestra la ayuda
help-version = Muestra la versión
help-lang = Idioma de los mensajes: es o en (predeterminado: según LC_ALL/LC_MESSAGES/LANG; si no, español)
help-dir = Carpeta del emisor
help-keys = Conjunto de llaves de confianza: un archivo JWKS o una carpeta de ellos (se puede repetir; también SELLO_KEYS)
help-status = Lista de estado (un archivo .jwt de `sello status publish`) o una carpeta de ellas (se puede repetir). Los certificados con entrada de estado y sin una lista vigente de su emisor quedan sin confirmar.
help-leeway = Tolerancia del reloj, en segundos
help-json = Imprime el resultado como JSON
help-keygen-dir = Carpeta del emisor que se crea
help-keygen-id = Id del emisor, que se compara con el dato `iss` (p. ej. mx.cecati149)
help-keygen-name = Nombre visible (p. ej. "CECATI 149")
help-keygen-url = Página de verificación; los códigos QR llevarán URL#TOKEN
help-issue-dir = Carpeta del emisor (de `sello keygen`)
help-issue-holder = Nombre completo del titular (un certificado; o use --batch)
help-issue-holder_id = Identificación nacional del titular (p. ej. CURP)
help-issue-code = Clave del estándar (p. ej. EC0105); con --batch, la predeterminada para las filas que no la tengan
help-issue-title = Título del estándar; con --batch, el predeterminado para las filas que no lo tengan
help-issue-level = Nivel
help-issue-unit = Unidad emisora (p. ej. "CECATI 149")
help-issue-serial = Folio; se genera si no se indica
help-issue-expires = Vigente hasta esta fecha (AAAA-MM-DD: hasta el final de ese día en la zona horaria del emisor), o hasta una hora RFC 3339
help-issue-attrs = Dato adicional CLAVE=VALOR (se puede repetir)
help-issue-qr = Escribe el código QR en ARCHIVO.png o ARCHIVO.svg
help-issue-certificate = Escribe el certificado imprimible en ARCHIVO.pdf o ARCHIVO.svg (vea --paper)
help-issue-batch = Emite una lista completa (CSV, o JSON Lines si es .jsonl): vea `docs/ISSUING.md`
help-issue-out = Con --batch: carpeta para los códigos QR, los certificados imprimibles y summary.csv
help-issue-formats = Con --batch: qué escribir por cada certificado (png, svg: el código QR; pdf, cert-svg: el certificado imprimible)
help-issue-paper = Tamaño de papel del certificado imprimible
help-issue-template = Con --batch: su propia plantilla SVG para el certificado imprimible
help-verify-json = Un objeto JSON por línea en lugar del informe para personas
help-verify-at = Verifica en este momento (RFC 3339, AAAA-MM-DD a las 00:00 UTC, o segundos Unix) en lugar de ahora
help-verify-jobs = Imágenes que se leen a la vez (predeterminado: una por núcleo)
help-verify-one_by_one = Se acepta para guiones escritos para versiones anteriores
help-verify-inputs = Tokens, enlaces, archivos de imagen (PNG, JPEG, SVG), carpetas (sus archivos .png, .jpg, .jpeg, .svg, .jwt y .txt, subcarpetas incluidas), o - para la entrada estándar. Los PDF no se leen: indique el PNG del código QR que `sello issue --batch` escribe junto a cada uno
help-scan-json = Un objeto JSON por código ({"{"}"input", "text"{"}"}) con el texto exacto; la salida predeterminada muestra los caracteres de control y de formato invisibles escapados como \u{"{"}…{"}"}
help-scan-images = Archivos de imagen (PNG, JPEG, SVG), o - para la entrada estándar
help-demo-out = Carpeta de salida (se vuelve a crear si tiene una demostración anterior)
help-ledger-list-offset = Omite esta cantidad
help-ledger-list-limit = Muestra como máximo esta cantidad
help-ledger-show-serial = El folio
help-revoke-serial = El folio que se revoca
help-revoke-reason = Por qué (se guarda en el registro, nunca se publica)
help-status-publish-out = También la escribe aquí
help-status-publish-valid_days = Días hasta que quienes verifican dejan de confiar en esta lista (publíquela de nuevo antes)
help-keys-rotate-new_passphrase = Cifra la llave nueva con una frase de contraseña nueva (de SELLO_NEW_PASSPHRASE, o preguntada dos veces) en lugar de la actual
help-keys-revoke-kid = El id de la llave
help-keys-revoke-at = Momento del compromiso (RFC 3339, AAAA-MM-DD para el inicio de ese día en la zona horaria del emisor, o segundos Unix); 0 rechaza todo lo que firmó
help-keys-publish-out = La escribe aquí en lugar de la salida estándar
help-serve-addr = Dirección en la que escucha (puerto 0: cualquier puerto libre, que se imprime al empezar)
help-serve-reload_every = Segundos entre dos revisiones de los archivos de llaves y de listas de estado; los que cambian se cargan sin dejar de servir (SIGHUP: en el acto)
help-serve-max_connections = Máximo de conexiones abiertas a la vez (se reduce para caber en el límite de archivos abiertos)
help-serve-header_timeout = Segundos que tiene una conexión para enviar la cabecera completa de una petición (nueva o mantenida)
help-serve-idle_timeout = Segundos que una conexión puede pasar sin leer ni escribir un byte mientras no se atiende ninguna petición (inactiva, o su cliente no lee)
help-site-export-out = Carpeta que se escribe (se reemplaza entera; solo una carpeta vacía o una exportación anterior)
help-serve-trust_root = El documento raíz de la federación (root.json, fijado): con --bundle, confía en los centros que acredita en lugar de --keys
help-serve-bundle = El paquete de confianza de la federación (trust.jwt de `sello federation publish`, publicado como trust.jwt junto a keys.json)
help-serve-max_bundle_age = Rechaza un paquete más antiguo que esto (p. ej. 36h, 7d; s, m, h, d o segundos)
help-site-export-trust_root = El documento raíz de la federación (root.json, fijado): con --bundle, confía en los centros que acredita en lugar de --keys
help-site-export-bundle = El paquete de confianza de la federación (trust.jwt de `sello federation publish`, publicado como trust.jwt junto a keys.json)
help-site-export-max_bundle_age = Rechaza un paquete más antiguo que esto (p. ej. 36h, 7d; s, m, h, d o segundos)

## Ayuda: los nombres de los valores

value-lang = IDIOMA
value-dir = CARPETA
value-keys = JWKS_O_CARPETA
value-status = JWT_O_CARPETA
value-leeway = SEG
value-out = CARPETA
value-keygen-id = ID
value-keygen-name = NOMBRE
value-keygen-url = URL
value-issue-holder = NOMBRE
value-issue-holder_id = ID
value-issue-code = CLAVE
value-issue-title = TÍTULO
value-issue-level = NIVEL
value-issue-unit = UNIDAD
value-issue-serial = FOLIO
value-issue-expires = FECHA
value-issue-attrs = CLAVE=VALOR
value-issue-qr = ARCHIVO
value-issue-certificate = ARCHIVO
value-issue-batch = LISTA
value-issue-out = CARPETA_DE_SALIDA
value-issue-formats = FORMATOS
value-issue-paper = PAPEL
value-issue-template = PLANTILLA.svg
value-verify-at = MOMENTO
value-verify-jobs = N
value-verify-inputs = ENTRADA
value-scan-images = IMAGEN
value-ledger-list-offset = N
value-ledger-list-limit = N
value-ledger-show-serial = FOLIO
value-revoke-serial = FOLIO
value-revoke-reason = MOTIVO
value-status-publish-out = ARCHIVO
value-status-publish-valid_days = DÍAS
value-keys-revoke-kid = KID
value-keys-revoke-at = MOMENTO
value-keys-publish-out = ARCHIVO
value-serve-addr = DIRECCIÓN
value-serve-reload_every = SEG
value-serve-max_connections = N
value-serve-header_timeout = SEG
value-serve-idle_timeout = SEG
value-serve-trust_root = ROOT_JSON
value-serve-bundle = TRUST_JWT
value-serve-max_bundle_age = DURACIÓN
value-site-export-trust_root = ROOT_JSON
value-site-export-bundle = TRUST_JWT
value-site-export-max_bundle_age = DURACIÓN

## Frases de contraseña

passphrase-prompt = Frase de contraseña de la llave privada:{" "}
passphrase-prompt-new = Nueva frase de contraseña para la llave privada:{" "}
passphrase-again = Repita la frase de contraseña:{" "}
passphrase-mismatch = las frases de contraseña no coinciden
passphrase-missing = no hay frase de contraseña: defina SELLO_PASSPHRASE o ejecute en una terminal
rotate-new-passphrase-hint = Para cifrar la nueva llave con otra frase, use --new-passphrase (o SELLO_NEW_PASSPHRASE).

## keygen e issue

keygen-done = Emisor creado: { $name } ({ $id })
keygen-kid = Id de la llave (kid): { $kid }
keygen-private-key = Llave privada cifrada (modo 0600): { $path }
keygen-publish = Publique este conjunto de llaves para quienes verifiquen: { $path }
issue-serial = Folio: { $serial }
issue-qr-content = Contenido del QR: { $text } y { $digits } dígitos (el token en forma numérica), versión { $version }-M
issue-qr-written = Código QR escrito en { $path }
bad-attr = --attr espera CLAVE=VALOR: { $attr }
qr-extension = --qr debe terminar en .png o .svg
certificate-extension = --certificate debe terminar en .pdf o .svg
no-keys = no se indicó ningún emisor de confianza: use --keys ARCHIVO_JWKS_O_CARPETA (o SELLO_KEYS), o confíe una vez en una federación con sello trust add URL --root-fingerprint SHA256
confusable-ids = aviso: los emisores de confianza { $first } y { $second } tienen ids que se pueden confundir; compruebe que ambos sean legítimos
confusable-names = aviso: los emisores de confianza { $first } y { $second } tienen nombres que se pueden confundir; compruebe que ambos sean legítimos

## issue --batch

batch-unit = { $n ->
    [one] certificado
   *[other] certificados
}
batch-progress-rate = { $rate }/s
batch-progress-left = faltan { $eta }
batch-row-failed = { $roster }: línea { $line }: { $why }
batch-qr-versions = Códigos QR: versión { $range } con corrección de errores M
batch-qr-long = aviso: { $n ->
    [one] 1 certificado necesita
   *[other] { $n } certificados necesitan
} un código QR mayor que la versión { $target }, el objetivo (docs/ISSUING.md); los códigos más densos se leen con menos fiabilidad. Lo que los alarga: { $rows }
batch-qr-long-row = línea { $line } (versión { $version }: { $fields })
batch-qr-field = { $field } { $len } bytes
batch-summary = { $issued ->
    [one] 1 emitido
   *[other] { $issued } emitidos
}, { $already ->
    [one] 1 ya emitido antes
   *[other] { $already } ya emitidos antes
}, { $failed ->
    [one] 1 con error
   *[other] { $failed } con error
} ({ $secs } s). Resumen: { $path }

## verify y scan

report-qr = { $input } [QR { $n }]
report-qr-error = { $error } [QR { $n }]
verify-summary = { $valid ->
    [one] 1 válido
   *[other] { $valid } válidos
}, { $invalid ->
    [one] 1 no válido
   *[other] { $invalid } no válidos
}, { $indeterminate ->
    [one] 1 sin confirmar
   *[other] { $indeterminate } sin confirmar
}{ $unread ->
    [0] {""}
    [one] , 1 sin leer
   *[other] , { $unread } sin leer
}
verify-progress-unit = entradas
scan-no-qr = { $input }: no se encontró ningún código QR
label-holder = Titular
label-holder-id = Identificación
label-achievement = Estándar
label-title = Título
label-level = Nivel
label-unit = Unidad
label-issuer = Emisor
label-issuer-id = Id del emisor
label-attributes = Otros datos del certificado (firmados por el emisor):
label-serial = Folio
label-issued = Emitido
label-expires = Vigente hasta
label-valid-from = Vigente desde
label-key = Llave
label-reason = Motivo
label-result = Resultado
label-detail = Detalle
label-input = Entrada

## ledger, revoke, status, keys

ledger-serial = Folio
ledger-issued = Emitido
ledger-code = Estándar
ledger-holder = Titular
ledger-state = Estado
ledger-revoked = REVOCADO { $date }
ledger-in-force = vigente
ledger-total = Total: { $n }
ledger-not-found = no está en el registro: { $serial }
revoke-done = Revocado en el registro. Publique la lista de estado: sello status publish --dir …
status-published = Lista de estado: { $path } ({ $entries ->
    [one] 1 entrada
   *[other] { $entries } entradas
}, { $revoked ->
    [one] 1 revocado
   *[other] { $revoked } revocados
}; vigente hasta { $until })
keys-rotated = Llave rotada: { $old } → { $new }. Publique el nuevo jwks.json (sello keys publish).
keys-revoked = Llave revocada { $kid } (desde { $at }). Publique el nuevo jwks.json; si era la llave activa, rote las llaves.

## serve y site

site-written = Sitio escrito: { $path } (súbalo tal cual a cualquier hospedaje estático)

## demo

demo-not-a-demo = { $path }: la carpeta existe y no es de una demostración anterior; elija otra con --out
demo-federation = 1. Federación de demostración: { $name } ({ $id }), raíz de { $keys } llaves ({ $threshold } deben firmar una versión nueva), huella { $fingerprint }
demo-accredited = 2. Acreditado { $name } ({ $id }) para { $code } desde { $since }
demo-issued = 3. CECATI 149 emitió { $n } certificados EC0105 con su QR en PNG (tamaño del token: { $min }–{ $max } bytes, promedio { $mean })
demo-published = 4. Paquete de confianza n.º { $seq } publicado con { $centres } centros y sus listas de estado: { $path }
demo-verifying = 5. Verificación de cada certificado desde su PNG, solo con la raíz fijada y el paquete de confianza (ningún archivo de llaves por centro):
demo-department = Departamento
demo-verdict = Veredicto
demo-valid = ✔ válido
demo-claims-differ = los datos difieren
demo-no-qr = { $path }: sin código QR
demo-refused = 6. Lo que se rechaza, cada cosa por su razón:
demo-case-tampered = certificado alterado (otro nombre, la misma firma)
demo-case-out-of-scope = CECATI 149 certifica EC0217.01, para el que no está acreditado
demo-case-suspended = certificado que el segundo centro emitió después de su suspensión
demo-case-before-suspension = su certificado anterior a la suspensión sigue válido
demo-case-rollback = el paquete n.º { $seq }, presentado después del n.º { $newer }
demo-accepted = aceptado
demo-summary = Resumen: { $verified } de { $total } certificados verificados desde su PNG; { $rejected ->
    [yes] los alterados, fuera de alcance, suspendidos y revertidos fueron rechazados
   *[no] ¡algún caso NO fue rechazado como debía!
}. Tiempo total { $secs } s. Resultados en { $path }
demo-try = Pruebe usted: sello verify --trust { $root } --bundle { $bundle } { $file }

## Time zones and dates

about-keys-set-time-zone = Define la zona horaria del emisor (nombre IANA, p. ej. America/Mexico_City): las fechas de sus certificados son días de esa zona. Luego publique jwks.json
help-keygen-force = Crea la carpeta aunque esté dentro de un repositorio git que no la ignora (la llave privada y el registro podrían acabar en un commit)
help-keygen-time_zone = La zona horaria del emisor (nombre IANA): las fechas de sus certificados (--expires, lo que muestran quienes verifican) son días de esa zona. Se publica en jwks.json; `sello keys set-time-zone` la cambia
help-keys-set-time-zone-zone = La zona horaria, ÁREA/LUGAR (o UTC)
value-keygen-time_zone = ÁREA/LUGAR
value-keys-set-time-zone-zone = ÁREA/LUGAR
keygen-time-zone = Zona horaria: { $zone }
keys-time-zone-set = Zona horaria: { $zone }. Publique el nuevo jwks.json. Las fechas de los certificados ya emitidos se muestran ahora en esta zona.
date-no-such-day = «{ $given }» no es un día del calendario (desde 1970; por ejemplo 2031-11-24)
date-out-of-range = «{ $given }» está fuera de rango: las fechas van de 1970-01-01 a 9999-12-29 (por ejemplo 2031-11-24)
date-bad = «{ $given }» no es una fecha: use AAAA-MM-DD (por ejemplo 2031-11-24), una hora RFC 3339 con su desfase (por ejemplo 2031-11-24T18:00:00-06:00) o segundos Unix

## Varias estaciones, un registro: --ledger, ledger migrate, reissue, keys set-ledger, keys add-station

about-reissue = Vuelve a emitir, con la llave actual, cada certificado que firmó una llave comprometida
about-ledger-migrate = Copia un registro en otro (de SQLite a PostgreSQL) y comprueba la copia; ejecútelo otra vez para llevar lo nuevo
about-keys-set-ledger = Anota en issuer.json qué registro usan las órdenes de la carpeta (un URL de PostgreSQL sin contraseña, o un archivo SQLite)
about-keys-add-station = Agrega una estación: una llave nueva de este emisor que firma junto a las demás, en una carpeta de emisor nueva para el equipo de la estación; luego publique jwks.json
help-ledger = El registro: postgres://USUARIO@SERVIDOR:PUERTO/BASE (sin contraseña: PGPASSWORD o ~/.pgpass) o un archivo SQLite; si no se da, el de issuer.json, y si no, ledger.sqlite de la carpeta
value-ledger = URL_O_ARCHIVO
help-keygen-ledger = El registro que se anota en issuer.json (un URL de PostgreSQL sin contraseña); si no se da, ledger.sqlite de la carpeta
value-keygen-ledger = URL_O_ARCHIVO
help-reissue-dir = Carpeta del emisor (su llave activa firma los certificados nuevos)
help-reissue-key_compromised = El id de la llave comprometida: cada certificado no revocado que firmó se emite de nuevo, y luego se revoca
value-reissue-key_compromised = KID
help-reissue-out = Carpeta para los archivos de los certificados nuevos y summary.csv
value-reissue-out = CARPETA_SALIDA
help-reissue-formats = Qué escribir por cada certificado (png, svg: el código QR; pdf, cert-svg: el certificado imprimible)
value-reissue-formats = FORMATOS
help-reissue-paper = Tamaño de papel del certificado imprimible
value-reissue-paper = PAPEL
help-ledger-migrate-from = El registro que se copia (un archivo SQLite o un URL de PostgreSQL)
value-ledger-migrate-from = URL_O_ARCHIVO
help-ledger-migrate-to = El registro al que se copia (un URL de PostgreSQL sin contraseña, o un archivo SQLite)
value-ledger-migrate-to = URL_O_ARCHIVO
help-keys-set-ledger-address = postgres://USUARIO@SERVIDOR:PUERTO/BASE, o un archivo SQLite (relativo a la carpeta)
value-keys-set-ledger-address = URL_O_ARCHIVO
help-keys-add-station-out = La carpeta de emisor nueva de la estación
value-keys-add-station-out = CARPETA
help-keys-add-station-new_passphrase = Cifra la llave de la estación con una frase de contraseña nueva (de SELLO_NEW_PASSPHRASE, o preguntada dos veces) en lugar de la actual
ledger-migrate-same = --from y --to son el mismo registro
ledger-migrate-incomplete = tras copiar, { $missing ->
    [one] 1 certificado del origen no está
   *[other] { $missing } certificados del origen no están
} en el destino; no se perdió nada del origen: ejecútelo otra vez
ledger-migrated = Registro copiado de { $from } a { $to }: { $source ->
    [one] 1 certificado
   *[other] { $source } certificados
} en el origen, { $copied } copiados ahora, { $already } ya estaban; { $target } en el destino. Comprobado: cada certificado del origen está en el destino con el mismo token.
about-keys-join = Usa la página de verificación de la federación como URL de los códigos QR: comprueba que el paquete de confianza acredita la llave activa de la carpeta y cambia verify_url a la página de la federación
help-keys-join-trust_root = El documento raíz de la federación (root.json, fijado)
value-keys-join-trust_root = ROOT_JSON
help-keys-join-bundle = El paquete de confianza de la federación: trust.jwt, o su dirección https://
value-keys-join-bundle = TRUST_JWT_O_URL
help-keys-join-ca_file = Autoridades de certificación adicionales (PEM) para un paquete https:// (también SELLO_CA_FILE)
value-keys-join-ca_file = ARCHIVO_PEM
keys-join-not-accredited = el paquete de confianza de { $federation } no acredita al emisor «{ $id }»: pida al registro que lo acredite (sello federation accredit) y use el paquete nuevo
keys-join-key-not-accredited = el paquete de confianza de { $federation } no acredita la llave activa { $kid } de esta carpeta: envíe su jwks.json al registro para que la acredite
keys-join-no-url = la federación { $federation } no publica una página de verificación en su paquete de confianza; use sello keygen --url o pida al registro su dirección
keys-joined = Los códigos QR de esta carpeta abren ahora { $url }, la página de verificación de { $federation }. Los certificados ya impresos siguen verificándose con su propio URL.
keys-ledger-set = Registro: { $address }
keys-station-added = Estación agregada: llave { $kid } en { $path }. Publique el jwks.json de esta carpeta (sello keys publish) antes de que la estación emita.
reissue-same-key = { $kid } es la llave activa de esta carpeta: rote las llaves (sello keys rotate) o use la carpeta de una estación, y luego vuelva a emitir
reissue-row-failed = certificado { $serial }: { $why }
reissue-summary = Llave { $kid }: { $issued ->
    [one] 1 certificado emitido de nuevo
   *[other] { $issued } certificados emitidos de nuevo
}, { $already } emitidos de nuevo por una ejecución anterior, { $revoked ->
    [one] 1 certificado anterior revocado
   *[other] { $revoked } certificados anteriores revocados
}, { $failed ->
    [one] 1 con error
   *[other] { $failed } con error
}{ $expired ->
    [0] {""}
   *[other] , { $expired } ya vencidos (se dejan como están)
}. Resumen: { $path }. Publique la lista de estado: sello status publish --dir …
## federation: el registro de una federación y la verificación por paquete de confianza

about-federation = Lleva el registro de una federación: llaves raíz, acreditación de centros, paquetes de confianza
about-federation-init = Crea una carpeta de registro: llaves raíz, llave del registro y el documento raíz versión 1
about-federation-accredit = Acredita a un centro (su jwks.json) para estándares desde una fecha, o le agrega estándares
about-federation-suspend = Suspende a un centro: se rechazan sus certificados emitidos desde ese momento
about-federation-publish = Firma el siguiente paquete de confianza
about-federation-rotate-root = La ceremonia raíz: una versión raíz nueva firmada por un umbral de llaves raíz anteriores y nuevas
about-federation-rotate-root-keygen = Crea una llave raíz nueva para quien la custodiará, en su propia máquina
about-federation-rotate-root-prepare = Paso 1: escribe la siguiente versión raíz, todavía sin firmas
about-federation-rotate-root-sign = Paso 2: firma el documento preparado con una llave raíz (en el mismo archivo)
about-federation-rotate-root-combine = Paso 3: combina las copias firmadas, comprueba ambos umbrales y escribe root.json
help-federation-init-dir = Carpeta del registro que se crea
help-federation-init-id = Id de la federación (p. ej. mx.conocer)
help-federation-init-name = Nombre visible (p. ej. CONOCER)
help-federation-init-url = Página de verificación oficial de la federación; la lleva cada paquete
help-federation-init-root_keys = Cuántas llaves raíz (cada una con su custodio y su frase: SELLO_ROOT_PASSPHRASE_1, _2, …, o preguntadas)
help-federation-init-threshold = Cuántas llaves raíz deben firmar una versión raíz nueva
help-federation-accredit-dir = Carpeta del registro
help-federation-accredit-keys = El conjunto de llaves publicado por el centro (jwks.json)
help-federation-accredit-standards = Claves de los estándares, separadas por comas
help-federation-accredit-from = Inicio (AAAA-MM-DD a las 00:00 UTC, RFC 3339 o segundos Unix)
help-federation-accredit-until = Fin, excluido
help-federation-suspend-dir = Carpeta del registro
help-federation-suspend-issuer = El id del centro
help-federation-suspend-from = Desde cuándo (AAAA-MM-DD a las 00:00 UTC, RFC 3339 o segundos Unix)
help-federation-suspend-reason = Por qué (se publica en el paquete)
help-federation-publish-dir = Carpeta del registro
help-federation-publish-status = Carpeta con las listas de estado de los centros (.jwt); va la más reciente de cada uno
help-federation-publish-valid_days = Días que el paquete está vigente (publique uno nuevo cada día)
help-federation-publish-out = Dónde se escribe el paquete
help-federation-rotate-root-keygen-out = Carpeta donde se escribe (la frase: SELLO_ROOT_PASSPHRASE, o preguntada)
help-federation-rotate-root-prepare-new_registry_key = Reemplaza la llave de registro: una nueva (cifrada con SELLO_NEW_PASSPHRASE, o preguntada dos veces) firma los paquetes cuando esta versión se combine
fed-new-registry-key = Llave de registro nueva { $kid } en registry-key/; firma los paquetes (con su frase de contraseña) en cuanto se combine esta versión. Hasta entonces firma la actual.
help-federation-rotate-root-prepare-dir = Carpeta del registro
help-federation-rotate-root-prepare-add_root_key = Agrega esta llave raíz (un archivo .pub.json; se puede repetir)
help-federation-rotate-root-prepare-remove_root_key = Quita esta llave raíz (se puede repetir)
help-federation-rotate-root-prepare-threshold = Umbral nuevo (si no, el actual)
help-federation-rotate-root-prepare-out = Dónde se escribe (predeterminado: CARPETA/next-root.json)
help-federation-rotate-root-sign-root = El documento preparado
help-federation-rotate-root-sign-key = El archivo de la llave raíz de quien firma (KID.p8; la frase: SELLO_ROOT_PASSPHRASE, o preguntada)
help-federation-rotate-root-sign-previous = El root.json actual, cuando la llave solo está en él
help-federation-rotate-root-combine-dir = Carpeta del registro
help-federation-rotate-root-combine-copies = Las copias firmadas
help-verify-trust_root = El documento raíz de la federación (root.json, fijado): con --bundle, confía en los centros que acredita en lugar de --keys
help-verify-bundle = El paquete de confianza de la federación: trust.jwt de `sello federation publish`, o su dirección https:// (se descarga, se guarda una copia y se usa esta cuando falla la red)
help-verify-max_bundle_age = Rechaza un paquete más antiguo que esto (p. ej. 36h, 7d; s, m, h, d o segundos)
value-federation-init-id = ID
value-federation-init-name = NOMBRE
value-federation-init-url = URL
value-federation-init-root_keys = N
value-federation-init-threshold = N
value-federation-accredit-keys = JWKS
value-federation-accredit-standards = ESTÁNDARES
value-federation-accredit-from = FECHA
value-federation-accredit-until = FECHA
value-federation-suspend-issuer = ID
value-federation-suspend-from = MOMENTO
value-federation-suspend-reason = MOTIVO
value-federation-publish-status = CARPETA
value-federation-publish-valid_days = DÍAS
value-federation-publish-out = ARCHIVO
value-federation-rotate-root-prepare-add_root_key = PUB_JSON
value-federation-rotate-root-prepare-remove_root_key = KID
value-federation-rotate-root-prepare-threshold = N
value-federation-rotate-root-prepare-out = ARCHIVO
value-federation-rotate-root-sign-root = ARCHIVO
value-federation-rotate-root-sign-key = KID.p8
value-federation-rotate-root-sign-previous = ROOT_JSON
value-federation-rotate-root-combine-copies = ARCHIVO
value-verify-trust_root = ROOT_JSON
value-verify-bundle = TRUST_JWT_O_URL
value-ca_file = ARCHIVO_PEM
value-verify-federation = ID
value-trust-add-root_fingerprint = SHA256
value-verify-max_bundle_age = DURACIÓN
label-accredited = Acreditación
fed-root-passphrase-holder = Nueva frase de contraseña para la llave raíz { $n } de { $of }:{" "}
fed-root-passphrase-new = Nueva frase de contraseña para la llave raíz:{" "}
fed-root-passphrase = Frase de contraseña de la llave raíz:{" "}
fed-init-done = Federación { $name } ({ $id }): raíz versión 1 con { $keys } llaves raíz (deben firmar { $threshold }).
fed-init-registry = Llave del registro: { $kid } (firma los paquetes de confianza).
fed-init-holder = Llave raíz { $n }: { $path } (llévela a la máquina sin conexión de quien la custodia y bórrela de aquí).
fed-init-pin = Entregue { $path } a quienes verifican por un medio propio (p. ej. el Diario Oficial): es lo único que fijan.
fed-root-hash = Huella del documento raíz (SHA-256; léala en voz alta en cada paso): { $hash }
fed-accredited = { $name } ({ $issuer }) acreditado para { $standards } desde el { $from }.
fed-accredit-updated = { $name } ({ $issuer }): conjunto de llaves actualizado{ $count ->
    [0] {""}
   *[other] ; agregado { $standards } desde el { $from }
}.
fed-accredit-kept = Ya estaba acreditado para { $standards } (se conserva su ventana).
fed-suspended = { $issuer } suspendido desde el { $from }: { $reason }.
fed-publish-hint = Publique un paquete nuevo: sello federation publish.
fed-published = Paquete de confianza n.º { $seq }: { $path } ({ $issuers ->
    [one] 1 centro
   *[other] { $issuers } centros
}, { $status } con lista de estado; vigente hasta el { $until }).
fed-status-ignored = lista de estado omitida (de un centro no acreditado, o más antigua que otra del mismo centro): { $path }
fed-status-too-many = { $path } tiene más de { $max } listas de estado
fed-not-text = { $path }: no es texto UTF-8
fed-root-keygen = Llave raíz nueva { $kid }: { $path }. Entregue { $public } a quien prepara la rotación.
fed-prepared = Versión raíz { $version } preparada, sin firmas: { $path } ({ $keys } llaves raíz, umbral { $threshold }). Deben firmarla { $old_threshold } llaves de la versión actual y { $threshold } de la nueva.
fed-signed = Firmado con la llave raíz { $kid }: { $path } (versión { $version }).
fed-combined = Raíz versión { $version } comprobada con { $signatures } firmas: { $path }. Los próximos paquetes la llevan; quienes verifican avanzan a ella solos.
fed-no-state-dir = no se sabe dónde guardar el estado de las federaciones: defina XDG_STATE_HOME o HOME
fed-bad-duration = «{ $given }» no es una duración: use un número con s, m, h o d (p. ej. 36h o 7d)
fed-bundle-stale = el paquete de confianza es del { $as_of } y estuvo vigente hasta el { $until }: consiga uno más reciente
fed-trust-and-keys = --trust y --bundle ya dicen en qué emisores confiar: no use --keys con ellos
fed-status-expired = la lista de estado de { $issuer } ya venció: sus certificados con entrada de estado quedarán sin confirmar hasta que el centro publique una nueva
fed-status-missing = no hay lista de estado de { $issuer } en --status: sus certificados con entrada de estado quedarán sin confirmar

## trust: federaciones de confianza de `sello trust add`, y paquetes de confianza por HTTPS

about-trust = Administra las federaciones en que confía `sello verify` sin conjuntos de llaves: añadir, listar, quitar
about-trust-add = Confía en una federación: descarga su paquete de confianza y fija el documento raíz con esta huella
about-trust-list = Muestra las federaciones de confianza
about-trust-remove = Deja de confiar en una federación (se conserva el registro de sus paquetes ya aceptados)
help-trust-add-url = La dirección https:// del paquete de confianza
help-trust-add-root_fingerprint = La huella del documento raíz (SHA-256, como la publica la federación junto con root.json)
help-trust-remove-id = El identificador de la federación
help-ca_file = Confía también en las autoridades de certificación de este archivo PEM para HTTPS (además de las raíces de Mozilla incluidas)
help-verify-federation = Sin --keys ni --trust: qué federación de `sello trust add` usar, cuando hay varias
value-trust-add-url = URL
value-trust-remove-id = ID
trust-no-config-dir = no hay dónde guardar la configuración: defina XDG_CONFIG_HOME o HOME
trust-bad-fingerprint = «{ $given }» no es una huella: indique los 64 dígitos hexadecimales del SHA-256 del documento raíz
trust-root-carried = versión { $version }: { $fingerprint }
trust-fingerprint-mismatch = el paquete de confianza de { $url } no trae ningún documento raíz con la huella indicada ({ $given }); trae { $carried }. Compruebe la huella con la publicación oficial de la federación
trust-no-roots = el paquete de confianza de { $url } no trae ningún documento raíz, así que no se puede fijar ninguno con la huella { $given }: use sello verify --trust root.json --bundle URL
trust-exists = ya se confía en la federación { $id }: quítela primero (sello trust remove { $id })
trust-full = se puede confiar en { $max } federaciones como máximo
trust-added = Federación { $name } ({ $id }) de confianza: versión { $version } del documento raíz fijada (huella { $fingerprint }); paquete de confianza n.º { $seq } del { $as_of } con { $issuers ->
    [one] 1 centro
   *[other] { $issuers } centros
}.
trust-added-hint = Desde ahora `sello verify` sin --keys comprueba los certificados con ella y descarga su paquete cada vez (el último se guarda para cuando falle la red).
trust-none = No se confía en ninguna federación. Añada una con: sello trust add URL --root-fingerprint SHA256
trust-entry = { $id } ({ $name }): { $url }, raíz { $fingerprint }
trust-entry-kept = copia guardada: paquete de confianza n.º { $seq } del { $as_of }, vigente hasta el { $until }
trust-entry-none-kept = todavía no hay copia guardada
trust-removed = Ya no se confía en la federación { $id } (se conserva el registro de sus paquetes ya aceptados: si se vuelve a añadir, un paquete más antiguo sigue rechazado).
trust-unknown = ninguna federación de confianza tiene el identificador { $id } (vea sello trust list)
trust-choose = se confía en varias federaciones ({ $ids }): elija una con --federation ID
trust-root-changed = { $path } no es el documento raíz fijado para { $id }: vuelva a añadir la federación
fed-keys-and-federation = --max-bundle-age y --federation son para paquetes de confianza: no los use con --keys
config-syntax = { $path } no es una configuración de Sello: { $error }
config-entry = { $path }: federación { $n }: el miembro «{ $field }» no cumple su regla
config-too-many = { $path } tiene más de { $max } federaciones
config-duplicate = { $path } tiene dos veces la federación { $id }
cache-io = la copia guardada { $path }: { $error }
cache-corrupt = la copia guardada { $path } no es lo que escribe Sello: se ignora
cache-no-dir = no hay dónde guardar una copia del paquete de confianza: defina XDG_CACHE_HOME o HOME
fetch-using-cache = { $error }. Se usa la copia guardada en esta computadora: paquete de confianza n.º { $seq } del { $as_of }
fetch-not-https = { $url } no es una dirección https://: un paquete de confianza solo se descarga por HTTPS (http:// simple solo desde esta computadora: 127.0.0.1, [::1], localhost)
fetch-bad-url = { $url } no es una dirección que se pueda descargar
fetch-tls = falló la conexión segura (TLS) con { $url }: { $why }
fetch-tls-unknown-issuer = el certificado del servidor no lo firma una autoridad de certificación de confianza (indique su autoridad con --ca-file o SELLO_CA_FILE si es la de su organización)
fetch-tls-name = el certificado del servidor es de otro nombre
fetch-tls-expired = el certificado del servidor ha caducado
fetch-tls-other = { $detail }
fetch-unreachable = no se pudo llegar a { $url }: { $why }
fetch-host-not-found = no se encontró el nombre
fetch-refused = se rechazó la conexión (¿está en marcha el servidor?)
fetch-cut = se cortó la conexión
fetch-no-route = la red no llega hasta allí
fetch-network = error de red ({ $detail })
fetch-connection-failed = sin conexión
fetch-timeout = { $url } no respondió en { $seconds } segundos
fetch-status = { $url } respondió con el estado HTTP { $status }
fetch-redirect = { $url } redirige más de { $max } veces, o fuera de HTTPS
fetch-too-large = { $url } envió más de { $max } bytes
fetch-not-text = { $url } no envió texto UTF-8
fetch-failed = no se pudo descargar { $url }: { $why }
fetch-ca-io = el archivo de autoridades de certificación { $path }: { $error }
fetch-ca-bad = { $path } no contiene ningún certificado PEM, o uno dañado

## Receipts: sello verify --receipt

help-verify-receipt = Además escribe un comprobante de la verificación (PDF, o SVG si el nombre termina en .svg; para el expediente, no es un certificado): qué se verificó, cuándo, el veredicto y su motivo, los datos, la confianza usada y la huella SHA-256 del token. Necesita exactamente un certificado entre las entradas
value-verify-receipt = COMPROBANTE_PDF
receipt-not-one = --receipt necesita exactamente un certificado entre las entradas; se verificaron { $n }: no se escribió ningún comprobante
receipt-kind = { $path }: el comprobante se escribe como .pdf o .svg
receipt-written = Comprobante escrito: { $path }
receipt-title = Comprobante de verificación
receipt-not-a-certificate = Este documento NO es un certificado ni lo sustituye: deja constancia de que Sello verificó el certificado descrito abajo, cuándo y con qué resultado. Para comprobar el certificado, verifique el original (su código QR).
receipt-band = COMPROBANTE · NO ES UN CERTIFICADO
receipt-checked-at = Verificado el
receipt-checked-with = Verificado con
receipt-tool = sello { $version }
receipt-trust = Confianza
receipt-trust-bundle = paquete de confianza n.º { $seq } de { $federation }, del { $date }
receipt-trust-keys = llaves dadas: { $keys }
receipt-token-hash = Huella del token (SHA-256)
receipt-footer = La huella identifica el token verificado sin repetirlo: el mismo certificado da siempre la misma huella. Un comprobante puede alterarse como cualquier PDF; el certificado no.
