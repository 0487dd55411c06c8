# sello-issuer: lo que se dice a quien emite, en español.
# Cada mensaje tiene su par en en.ftl (las pruebas lo comprueban).

## Listas de personas (roster.rs)

roster-too-large = la lista es demasiado grande (límites: { $bytes } bytes, { $rows } filas)
roster-utf16 = el archivo está en UTF-16 (el «Texto Unicode» de Excel); en Excel use Archivo → Guardar como → «CSV UTF-8 (delimitado por comas)» y vuelva a intentarlo
roster-not-utf8 = línea { $line }: el archivo no está en UTF-8; esa línea, leída como Windows-1252 (el «CSV» simple de Excel), dice «{ $text }». En Excel use Archivo → Guardar como → «CSV UTF-8 (delimitado por comas)» y vuelva a intentarlo (Sello no lo convierte: un nombre mal convertido quedaría firmado)
roster-header = línea 1: el encabezado no se puede leer: { $error }
roster-no-holder = línea 1: ninguna columna se llama «nombre» (ni «holder» o «titular»); el encabezado dice: { $columns }
roster-no-holder-semicolon = línea 1: ninguna columna se llama «nombre» (ni «holder» o «titular»); el encabezado dice: { $columns }. Si el separador es «;» ponga «nombre» en una columna propia
roster-unknown-columns = línea 1: { $count ->
    [one] la columna { $names } no es de Sello
   *[other] las columnas { $names } no son de Sello
}. Las columnas son nombre, curp, código, título, nivel, unidad, folio y vence, y attr.CLAVE para un dato adicional (p. ej. attr.departamento{ $labels }); cámbiele el nombre o bórrela
roster-declared-labels = , o un nombre declarado por el emisor: { $names }
roster-duplicate-column = línea 1: las columnas «{ $first }» y «{ $second }» dicen lo mismo; deje solo una
roster-no-code = ninguna fila tiene código del estándar y no se dio --code; ponga una columna código o use --code (p. ej. --code EC0217)
roster-no-title = ninguna fila tiene título del estándar y no se dio --title; ponga una columna título o use --title
row-fields = la fila tiene { $found ->
    [one] un campo
   *[other] { $found } campos
} y el encabezado { $expected ->
    [one] uno
   *[other] { $expected }
}{ $separator ->
    [semicolon] (el separador es «;»)
   *[other] {""}
}; revise las comillas y los separadores de esta fila
row-unnamed = hay un valor en la columna { $column }, que no tiene nombre en el encabezado
row-unreadable = CSV ilegible: { $error }
row-no-holder = el nombre está vacío
row-no-code = el código del estándar está vacío y no se dio --code
row-no-title = el título del estándar está vacío y no se dio --title
row-date = «{ $text }» no es una fecha: use AAAA-MM-DD, p. ej. 2031-11-24 (o una hora RFC 3339 como 2031-11-24T10:00:00Z)
row-date-dmy = «{ $text }» no es una fecha: use AAAA-MM-DD; si es el { $day } de { $month ->
    [1] enero
    [2] febrero
    [3] marzo
    [4] abril
    [5] mayo
    [6] junio
    [7] julio
    [8] agosto
    [9] septiembre
    [10] octubre
    [11] noviembre
   *[12] diciembre
} de { $year }, escriba { $iso }
row-invalid = { $error }
row-duplicate-serial = el folio «{ $serial }» ya está en la línea { $first }
row-not-object = no es un objeto JSON: { $error }
row-not-string = { $name } debe ser texto
row-unknown-member = { $name } no es un dato de Sello (los datos son holder, holder_id, code, title, level, unit, serial, expires y attrs, o sus nombres en español)

## Carpetas de emisor dentro de git (git.rs)

git-work-tree = { $dir } quedaría dentro del repositorio git { $root }, y un «git add -A» subiría la llave privada y el registro de CURP. Añada la línea { $entry } al .gitignore de ese repositorio, o cree la carpeta fuera de él; --force la crea de todos modos

# sello-issuer: lo que salió mal al emitir, en español.
# Cada módulo tiene su sección; las palabras de roster.rs van en "Listas".

## Carpetas de emisor y llaves guardadas (keystore.rs)

keystore-io = { $path }: { $error }
keystore-not-an-issuer = { $path } no es una carpeta de emisor (no tiene issuer.json); cree una con sello keygen --dir { $path }, o indique la carpeta que creó sello keygen
keystore-exists = { $path } ya contiene un emisor; no se sobrescribe
keystore-too-large = { $path } pesa más de { $max } bytes
keystore-invalid = { $path }: { $detail }
keystore-set-mismatch = el conjunto de llaves no corresponde a issuer.json (id del emisor o llave activa)
keystore-rotate-same-second = la llave actual entró en vigor en { $nbf } (tiempo Unix), no antes de este segundo; rotarla ahora le dejaría una ventana vacía: espere un segundo y vuelva a rotar
keystore-no-key = el conjunto de llaves no tiene la llave { $kid }
keystore-weak-passphrase = la frase de contraseña es demasiado débil para una llave nueva: { $why }
keystore-unlock = { $path }: frase de contraseña incorrecta o archivo de llave dañado
keystore-crypto = no se pudo proteger la llave privada: { $error }

## Frases de contraseña para llaves nuevas (passphrase.rs); los avisos y consejos son de zxcvbn

passphrase-blank = está vacía o solo tiene espacios.
passphrase-too-short = tiene menos de { $min } caracteres.
passphrase-guessable = es fácil de adivinar (fuerza { $score } de 4; se necesita al menos { $min }).
passphrase-advice = Una buena frase: cuatro o cinco palabras al azar que no formen una frase conocida.
passphrase-warning-straight-rows-of-keys-are-easy-to-guess = Las filas seguidas del teclado son fáciles de adivinar.
passphrase-warning-short-keyboard-patterns-are-easy-to-guess = Los patrones cortos del teclado son fáciles de adivinar.
passphrase-warning-repeats-like-aaa-are-easy-to-guess = Las repeticiones como «aaa» son fáciles de adivinar.
passphrase-warning-repeats-like-abc-abc-are-only-slightly-harder-to-guess = Las repeticiones como «abcabcabc» son apenas más difíciles de adivinar que «abc».
passphrase-warning-this-is-top-10-password = Es una de las 10 contraseñas más comunes.
passphrase-warning-this-is-top-100-password = Es una de las 100 contraseñas más comunes.
passphrase-warning-this-is-a-common-password = Es una contraseña muy común.
passphrase-warning-this-is-similar-to-a-commonly-used-password = Se parece a una contraseña muy usada.
passphrase-warning-sequences-like-abc-are-easy-to-guess = Las secuencias como «abc» o «6543» son fáciles de adivinar.
passphrase-warning-recent-years-are-easy-to-guess = Los años recientes son fáciles de adivinar.
passphrase-warning-a-word-by-itself-is-easy-to-guess = Una palabra sola es fácil de adivinar.
passphrase-warning-dates-are-often-easy-to-guess = Las fechas suelen ser fáciles de adivinar.
passphrase-warning-names-and-surnames-by-themselves-are-easy-to-guess = Los nombres y apellidos solos son fáciles de adivinar.
passphrase-warning-common-names-and-surnames-are-easy-to-guess = Los nombres y apellidos comunes son fáciles de adivinar.
passphrase-suggestion-use-a-few-words-avoid-common-phrases = Use varias palabras y evite frases conocidas.
passphrase-suggestion-no-need-for-symbols-digits-or-uppercase-letters = No hacen falta símbolos, números ni mayúsculas.
passphrase-suggestion-add-another-word-or-two = Agregue una o dos palabras más; mejor si son poco comunes.
passphrase-suggestion-capitalization-doesnt-help-very-much = Las mayúsculas no ayudan mucho.
passphrase-suggestion-all-uppercase-is-almost-as-easy-to-guess-as-all-lowercase = Todo en mayúsculas es casi tan fácil de adivinar como todo en minúsculas.
passphrase-suggestion-reversed-words-arent-much-harder-to-guess = Las palabras al revés no son mucho más difíciles de adivinar.
passphrase-suggestion-predictable-substitutions-dont-help-very-much = Las sustituciones previsibles, como «@» por «a», no ayudan mucho.
passphrase-suggestion-use-a-longer-keyboard-pattern-with-more-turns = Use un patrón de teclado más largo y con más giros.
passphrase-suggestion-avoid-repeated-words-and-characters = Evite palabras y caracteres repetidos.
passphrase-suggestion-avoid-sequences = Evite las secuencias.
passphrase-suggestion-avoid-recent-years = Evite los años recientes.
passphrase-suggestion-avoid-years-that-are-associated-with-you = Evite años relacionados con usted.
passphrase-suggestion-avoid-dates-and-years-that-are-associated-with-you = Evite fechas y años relacionados con usted.

## Registro de una federación (federation.rs)

registry-io = { $path }: { $error }
registry-not-a-registry = { $path } no es una carpeta de registro de federación (no tiene registry.json); cree una con sello federation init --dir { $path }, o indique la carpeta que creó
registry-exists = { $path } ya tiene un registro de federación; no se sobrescribe
registry-invalid = { $path }: { $detail }
registry-too-large = es mayor que { $max } bytes
registry-root-passphrases = hay { $keys } llaves raíz y { $given } frases de contraseña; cada llave raíz necesita la suya
registry-root = el documento raíz no sería válido: { $error }
registry-refused = el cambio haría un registro que quienes verifican rechazarían: { $error }
registry-key-set = { $path }: no es un conjunto de llaves de un centro: { $error }
registry-no-standards = no se indicó ningún estándar: use --standards EC0105,EC0217.01
registry-standard = el estándar { $code } no sirve: { $problem }
registry-window = el fin de la ventana debe ser posterior a su inicio, y los momentos entre 1970 y 9999
registry-too-many = un paquete de confianza admite a lo sumo { $max } de ellos
registry-unknown-issuer = ningún centro acreditado tiene el id { $issuer }
registry-reason = el motivo de la suspensión no sirve: { $problem }
registry-status = { $path }: esta lista de estado no puede ir en el paquete: { $error }
registry-valid-days = los días de vigencia del paquete van de 1 a { $max }
registry-seq-exhausted = se agotaron los números de secuencia del paquete; rote la raíz para empezar de nuevo
registry-self-check = el paquete firmado no pasaría la verificación (no se publicó): { $error }
registry-rotation = la nueva versión raíz no se aceptaría: { $error }
registry-different-documents = las copias firmadas no son del mismo documento preparado; combine solo copias de un mismo «prepare»
registry-nothing-to-combine = no se dio ninguna copia firmada para combinar
registry-no-new-registry-key = la versión nueva no incluye la llave de registro en uso y ninguna de sus llaves de registro está en registry-key/ de esta carpeta: prepare la rotación aquí con --new-registry-key
registry-no-root-key = la raíz actual no tiene la llave { $kid }
registry-not-a-root-key = la llave { $kid } no es una llave raíz de este documento ni de la versión anterior
registry-not-ed25519 = no es una llave pública Ed25519 (JWK con kty OKP y crv Ed25519)
registry-kid-mismatch = su kid no es el de la llave
registry-key-file-name = el archivo de llave debe llamarse KID.p8 (como lo escribe sello)
registry-root-mismatch = root.json es de otra federación

## Fechas que recibe el emisor (dates.rs)

date-unreadable = "{ $text }" no es una fecha: use AAAA-MM-DD (p. ej. 2031-11-24), una hora RFC 3339 con su desfase (p. ej. 2031-11-24T18:00:00-06:00) o segundos Unix
date-no-such-day = "{ $text }" no es un día del calendario (de 1970 en adelante; p. ej. 2031-11-24)
date-out-of-range = "{ $text }" está fuera de rango: las fechas van del 1970-01-01 al 9999-12-29 (p. ej. 2031-11-24)

## Firmar (issue.rs, signer.rs)

issue-invalid = no se puede emitir el certificado: { $error }
no-randomness = el sistema operativo no dio aleatoriedad: { $error }
issue-key-not-valid = la llave { $kid } no puede firmar en este momento (fuera de su periodo o revocada); rote las llaves con sello keys rotate
issue-too-long = el contenido del QR ({ $chars } caracteres) no cabe en un código QR de versión 40 con corrección M; acorte los campos
issue-status-times = fechas de la lista de estado: la emisión y el vencimiento deben estar entre 1970 y 9999, el vencimiento después de la emisión
issue-ledger-token = el token registrado en el registro para "{ $serial }" no se puede leer: { $error }
signer-failed = el firmante falló: { $error }

## El registro (ledger.rs, ledger_pg.rs, migrate.rs, batch.rs)

ledger-sql = registro (SQLite): { $error }
ledger-serial-taken = el folio "{ $serial }" ya se emitió
ledger-not-found = no hay ningún certificado con el folio "{ $serial }" en el registro
ledger-already-revoked = el certificado "{ $serial }" ya está revocado
ledger-status-full = la lista de estado está llena ({ $max } entradas)
ledger-version = la versión del esquema de este registro ("{ $version }") es más nueva de lo que este sello conoce; actualice sello
ledger-io = { $path }: { $error }
ledger-damaged = el registro está dañado: { $detail }
ledger-mismatch = el certificado firmado para "{ $serial }" no coincide con lo que se reservó para él
ledger-postgres = registro (PostgreSQL): { $error }
ledger-no-postgres = este sello se compiló sin PostgreSQL (función de cargo "postgres")
ledger-password-in-url = la dirección del registro contiene una contraseña: quítela y defina PGPASSWORD o un archivo de contraseñas (PGPASSFILE, ~/.pgpass)
ledger-address = la dirección del registro no es válida: { $error }
ledger-tls-no-ca = TLS (sslmode=require, verify-ca o verify-full) necesita el certificado de la autoridad que firmó el del servidor: sslrootcert=ARCHIVO en el URL, o PGSSLROOTCERT
ledger-tls-ca = { $path }: no es un archivo de certificados de autoridad utilizable para TLS ({ $detail })
ledger-no-service = ningún archivo de servicios tiene el servicio "{ $name }" (PGSERVICEFILE, ~/.pg_service.conf, /etc/postgresql-common/pg_service.conf)
ledger-contention = el bloque chocó con otras estaciones { $times } veces seguidas; no se registró nada
ledger-import-conflict = el certificado "{ $serial }" ya está en el registro de destino con otro token
migrate-incomplete = después de copiar, { $missing ->
    [one] un certificado del origen no está
   *[other] { $missing } certificados del origen no están
} en el destino
batch-io = { $path }: { $error }
batch-render-failed = no se pudieron dibujar los archivos: { $error }

## summary.csv (batch.rs): su encabezado y sus resultados, en este orden

summary-line = línea
summary-outcome = resultado
summary-serial = folio
summary-holder = titular
summary-files = archivos
summary-error = error
summary-token = token
summary-qr-version = versión_qr
summary-issued = emitido
summary-already-issued = ya_emitido
summary-failed = con_error
