# sello-print: why a template or a certificate could not be printed, in English.

## Templates (TemplateError)

template-too-large = the template has { $size } bytes; at most { $max } are accepted
template-xml = the template is not well-formed XML: { $error }
template-not-svg = the template's root element must be <svg> in the SVG namespace
template-bad-view-box = the template's root <svg> needs a viewBox with a positive width and height
template-too-complex = the template is too complex: { $why }
template-missing-qr-slot = the template has no QR slot: add <rect id="sello-qr" x="…" y="…" width="…" height="…"/>
template-bad-qr-slot = the QR slot is not usable: { $why }
template-forbidden-element = the template may not contain <{ $name }> elements
template-forbidden-attribute = the template may not contain event attributes such as { $name }
template-external-reference = the template refers to something outside itself: { $what }
template-nested-use = a <use> may not point at an element that contains <use>: #{ $id }
template-unknown-placeholder = unknown placeholder {"{{"}{ $name }{"}}"}
template-placeholder-not-allowed = placeholders are not allowed in { $where }
template-bad-layout-attribute = bad { $attribute }: { $problem }

## What is wrong, in the messages above (the payloads of TemplateError and PrintError::Field)

qr-slot-hidden = it is inside an element that is not drawn
qr-slot-conditional = it is inside a conditional element
qr-slot-twice = more than one element has id="sello-qr"
qr-slot-not-rect = it must be a <rect>
qr-slot-numbers = x, y, width and height must be plain numbers
qr-slot-size = width and height must be positive
complex-elements = too many elements (counting <use> copies)
complex-depth = elements are nested too deeply
where-style = <style>
where-cdata = CDATA sections
where-attributes = the style, href, id and data-sello-… attributes
layout-placeholder = must name a placeholder, such as level or attr.dep
layout-only-text = only <text> elements can be fitted
layout-positive-width = must be a positive number
layout-lines = must be 1, 2, 3 or 4
layout-single-x = the <text> needs a single numeric x
layout-only-text-inside = the <text> may contain only text
layout-empty = the <text> is empty
field-too-long = is too long
field-control = must not contain control characters
field-too-many = has too many entries
field-attr-key = keys must be 1 to 40 characters of a–z, 0–9, '_', '.', '-'

## Printing (PrintError)

print-field = field { $field }: { $problem }
print-qr-too-small = a module of the QR code would print { $mm } mm wide; at least { $min } mm per module are needed to scan it reliably: make the QR slot larger
print-qr-quiet-zone = the QR code needs a clear margin of 4 modules around it, but the template draws { $what } there: move it away from the QR slot
print-svg = the filled template could not be read as SVG: { $error }
print-pdf = the PDF conversion failed: { $error }
print-font-subset = the embedded font could not be subset
print-glyph-missing = a glyph is missing from the embedded font

## QR codes (QrError)

qr-too-long = { $len } bytes do not fit in a QR code at this error-correction level
qr-png = could not encode the PNG: { $error }

## Outputs (Output)

output-unknown = { $name } is not an output: use png, svg, pdf or cert-svg
output-extension = { $path } must end in { $extensions }
