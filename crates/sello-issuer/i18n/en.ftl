# sello-issuer: what the issuer is told, in English.
# Each message has its pair in es.ftl (the tests check).

## Rosters (roster.rs)

roster-too-large = the roster is too large (limits: { $bytes } bytes, { $rows } rows)
roster-utf16 = the file is UTF-16 (Excel's "Unicode Text"); in Excel use File → Save As → "CSV UTF-8 (Comma delimited)" and try again
roster-not-utf8 = line { $line }: the file is not UTF-8; that line, read as Windows-1252 (Excel's plain "CSV"), says "{ $text }". In Excel use File → Save As → "CSV UTF-8 (Comma delimited)" and try again (Sello does not convert it: a wrongly converted name would be signed)
roster-header = line 1: the header cannot be read: { $error }
roster-no-holder = line 1: no column is called holder (nor nombre or titular); the header says: { $columns }
roster-no-holder-semicolon = line 1: no column is called holder (nor nombre or titular); the header says: { $columns }. If the separator is ";" put holder in a column of its own
roster-unknown-columns = line 1: { $count ->
    [one] column { $names } is not one of Sello's
   *[other] columns { $names } are not Sello's
}. The columns are holder, holder_id, code, title, level, unit, serial and expires, and attr.KEY for an extra field (e.g. attr.department{ $labels }); rename or delete it
roster-declared-labels = , or a name the issuer declared: { $names }
roster-duplicate-column = line 1: columns "{ $first }" and "{ $second }" say the same thing; keep only one
roster-no-code = no row has a standard code and no --code was given; add a code column or use --code (e.g. --code EC0217)
roster-no-title = no row has a standard title and no --title was given; add a title column or use --title
row-fields = the row has { $found ->
    [one] one field
   *[other] { $found } fields
} and the header { $expected ->
    [one] one
   *[other] { $expected }
}{ $separator ->
    [semicolon] (the separator is ";")
   *[other] {""}
}; check this row's quotes and separators
row-unnamed = there is a value in column { $column }, which has no name in the header
row-unreadable = unreadable CSV: { $error }
row-no-holder = holder (nombre) is empty
row-no-code = the standard code is empty and no --code was given
row-no-title = the standard title is empty and no --title was given
row-date = "{ $text }" is not a date: use YYYY-MM-DD, e.g. 2031-11-24 (or an RFC 3339 time such as 2031-11-24T10:00:00Z)
row-date-dmy = "{ $text }" is not a date: use YYYY-MM-DD; if it is { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $day }, { $year }, write { $iso }
row-invalid = { $error }
row-duplicate-serial = serial "{ $serial }" is already on line { $first }
row-not-object = not a JSON object: { $error }
row-not-string = { $name } must be text
row-unknown-member = { $name } is not one of Sello's fields (they are holder, holder_id, code, title, level, unit, serial, expires and attrs, or their Spanish names)

## Issuer folders inside git (git.rs)

git-work-tree = { $dir } would be inside the git repository { $root }, where a "git add -A" would commit the private key and the ledger of CURPs. Add the line { $entry } to that repository's .gitignore, or create the folder outside it; --force creates it anyway
