# sello-print: por qué no se pudo imprimir una plantilla o un certificado, en español.

## Plantillas (TemplateError)

template-too-large = la plantilla tiene { $size } bytes; se aceptan como máximo { $max }
template-xml = la plantilla no es XML bien formado: { $error }
template-not-svg = el elemento raíz de la plantilla debe ser <svg> en el espacio de nombres SVG
template-bad-view-box = el <svg> raíz de la plantilla necesita un viewBox de ancho y alto positivos
template-too-complex = la plantilla es demasiado compleja: { $why }
template-missing-qr-slot = la plantilla no tiene lugar para el QR: agregue <rect id="sello-qr" x="…" y="…" width="…" height="…"/>
template-bad-qr-slot = el lugar del QR no sirve: { $why }
template-forbidden-element = la plantilla no puede contener elementos <{ $name }>
template-forbidden-attribute = la plantilla no puede contener atributos de eventos como { $name }
template-external-reference = la plantilla hace referencia a algo fuera de ella: { $what }
template-nested-use = un <use> no puede apuntar a un elemento que contiene <use>: #{ $id }
template-unknown-placeholder = marcador desconocido {"{{"}{ $name }{"}}"}
template-placeholder-not-allowed = no se permiten marcadores en { $where }
template-bad-layout-attribute = { $attribute } no válido: { $problem }

## Lo que está mal, en los mensajes de arriba (el contenido de TemplateError y PrintError::Field)

qr-slot-hidden = está dentro de un elemento que no se dibuja
qr-slot-conditional = está dentro de un elemento condicional
qr-slot-twice = más de un elemento tiene id="sello-qr"
qr-slot-not-rect = debe ser un <rect>
qr-slot-numbers = x, y, width y height deben ser números simples
qr-slot-size = width y height deben ser positivos
complex-elements = demasiados elementos (contando las copias de <use>)
complex-depth = los elementos están anidados a demasiada profundidad
where-style = <style>
where-cdata = las secciones CDATA
where-attributes = los atributos style, href, id y data-sello-…
layout-placeholder = debe nombrar un marcador, como level o attr.dep
layout-only-text = solo se pueden ajustar elementos <text>
layout-positive-width = debe ser un número positivo
layout-lines = debe ser 1, 2, 3 o 4
layout-single-x = el <text> necesita una sola x numérica
layout-only-text-inside = el <text> solo puede contener texto
layout-empty = el <text> está vacío
field-too-long = es demasiado largo
field-control = no debe contener caracteres de control
field-too-many = tiene demasiadas entradas
field-attr-key = las claves deben tener de 1 a 40 caracteres de a–z, 0–9, '_', '.', '-'

## Impresión (PrintError)

print-field = campo { $field }: { $problem }
print-qr-too-small = cada módulo del código QR se imprimiría de { $mm } mm; se necesitan al menos { $min } mm por módulo para leerlo con fiabilidad: agrande el espacio del QR
print-qr-quiet-zone = el código QR necesita un margen libre de 4 módulos a su alrededor, pero la plantilla dibuja { $what } ahí: aléjelo del espacio del QR
print-svg = la plantilla llena no se pudo leer como SVG: { $error }
print-pdf = falló la conversión a PDF: { $error }
print-font-subset = no se pudo reducir la fuente incrustada
print-glyph-missing = falta un glifo en la fuente incrustada

## Códigos QR (QrError)

qr-too-long = { $len } bytes no caben en un código QR con este nivel de corrección de errores
qr-png = no se pudo codificar el PNG: { $error }

## Salidas (Output)

output-unknown = { $name } no es una salida: use png, svg, pdf o cert-svg
output-extension = { $path } debe terminar en { $extensions }
