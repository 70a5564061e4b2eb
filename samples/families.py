"""Families of sheets the default generator never drew: the same payroll-page/1 truth, other habits.

A family is a distribution over switches (number formats, column sets and orders, headings over two or
three lines, ruling, corrections, fonts, page orientation); every employer's file draws its own
combination at random, so switches combine freely. Family ``A`` is the original generator (no switch
here is used, so old seeds give the same pages). Families ``B``, ``C`` and ``D`` are for held-out
evaluation: tune on some, measure on the one left out (bench/RESULTS.md, "Held-out families").

    B  typed in a co-operative office, 1990s: typewriter faces, thousands by a space or an apostrophe,
       no additional-pay column, two- or three-line headings, half-ruled (only the columns ruled),
       corrections typed on a half line between the rows.
    C  an accounting office's printer: print faces (serif, narrow), thousands by a dot and a decimal comma
       or by a space, several deduction columns (tax, insurance, advance, union fee) before their total,
       other column orders, three-line headings, only the rows ruled, corrections handwritten in the margin.
    D  anything of the above mixed, plus amounts in stotinki without a separator, unruled tables and
       corrections handwritten above the struck figure.
    E  held out until it was measured once (session 2, seed 2028: 72 % right); tuned on since (dev seeds).
       What B, C and D do not combine: typewriter, print and dot-matrix faces none of them uses, in other
       sizes (small print, large typewriter); thousands by a dot with a decimal comma or by an apostrophe;
       mostly landscape sheets; carbon copies; stamps and signatures across the figures; totals written
       by hand; figures typed over a slip; other column orders and headings; any year 1980-1996.
    F  HELD OUT from session 3 on (E has been tuned on since it was measured once): faces none of A-E
       draws (oblique and bold-oblique typewriters, bold and italic print, sans and narrow bold), thousands
       by a space with a decimal comma or no separator with a decimal comma, amounts in stotinki on some
       files, days worked at the row's end, net pay before the deductions, one- to three-line headings with
       words none of the others uses, any ruling, corrections of every kind, carbon copies, stamps,
       signatures across the figures and handwritten totals less often than E, any year 1980-1996.
       Measured once by the lead at the start of session 3 (seed 2029), tuned on since (dev seeds).
    G  HELD OUT (made in session 3 before anything was tuned on F): faces none of A-F draws (bold
       extended and variable typewriters, bright and condensed prints, italic serifs, a dot-matrix of
       other faces), thousands by an apostrophe or a space with a decimal point or none, stotinki on some
       files, gross after the itemised deductions' total, extra pay before base, days after the net pay,
       heading words none of the others uses, any ruling, corrections of every kind, carbon copies,
       stamps, signatures across the figures, handwritten totals; any year 1980-1996.
       Measured once by the lead at the end of session 3 (seed 2030), tuned on since (dev seeds 701+).
    H  HELD OUT from session 4 on (made before anything was tuned on G): faces none of A-G draws (bold and
       slanted serifs under a typewriter's ink, oblique sans and italic serifs in print, an oblique
       condensed dot-matrix), thousands by a dot, a space or an apostrophe with a decimal comma, or none
       with a decimal point, stotinki on a quarter of the files, the position before the name, days at
       the row's end, itemised deductions on most layouts, headings of two
       or three lines with words none of the others uses (some with "(лв.)"), any ruling, corrections
       of every kind, carbon copies, stamps, signatures across, handwritten totals; mostly portrait.
       Measured once by the lead at the end of session 4 (seed 2031); may be tuned on from session 5 on
       (dev seeds 801+).
    I  HELD OUT from session 5 on (made in session 4 before anything was tuned on H): faces none of A-H
       draws (bold italic serifs under a typewriter's ink, italic and oblique prints, oblique narrow bold
       dot-matrix faces), no thousands separator or a space with a decimal comma, an apostrophe with a
       decimal point, a dot with a decimal comma, stotinki on a third of the files, days at the row's end
       or after the ЕГН, net pay before the deductions, headings of two or three lines with words none of
       the others uses, any ruling, corrections of every kind, carbon copies, stamps, signatures across,
       handwritten totals on half the files; mostly landscape.
       Measured once by the lead (seed 2032); may be tuned on from session 7 on (dev seeds 901+).
    J  HELD OUT from session 7 on (made before anything was tuned on I): faces none of A-I draws (an
       italic concrete and bold italic serifs under a typewriter's ink, an extra-light sans, bold italic
       and semibold oblique prints, a bold oblique sans as dot-matrix), type sizes outside every other
       family's (very small print; a very large typewriter or dot-matrix on a small office's printed form:
       its headings in small print, few columns, five to nine people, rarely shrunk to fit), thousands by a
       comma with a decimal point (``1,468.02``), columns that are no payroll-page/1 field (the personnel
       number "Таб. №" and the hours worked, which the truth leaves out: they are neither days nor money),
       corrections with correction fluid (the wrong figure whited out, the right one typed on the patch),
       dashed rules, rectangular stamps, a clerk's hand tick beside the rows; years 1984-1996.
       Nobody reads its pages or tunes on it; the lead measures it once, at the end.
    K  HELD OUT from session 15 on (made before anything was tuned on J): faces from font packages none of
       A-J uses (Anonymous Pro and Go Mono typewriters, the same as dot-matrix, Carlito, Old Standard and
       Go in print; scripts/setup.sh installs them), thousands by a narrow (half) space with a decimal
       comma or point (``1 468,02``) or a dash for the decimal point (``1468-02``, ``1 468-02``), never
       stotinki; portrait (the type shrinks to fit; only a sheet that does not fit at 26 turns),
       the narrow columns headed on their side (a printed form) over a line of column numbers, headings
       of up to five lines; columns that are no payroll-page/1 field (the day's rate, money never
       totalled, and the class for years of service in per cent), itemised deductions after their total;
       corrections cancelled with typed x's or slashes and the right figure typed beside them (half a
       line lower where there is no room), dotted rules between the rows, carbons that slipped (every
       stroke doubled faintly beside it), names typed surname first (some with the surname in capitals;
       the truth is as printed), the month in Roman numerals, row numbers typed "1.", the ministry or union
       printed above the employer and a word such as "Предприятие:" before its name (neither is part of
       the name in the truth); any year 1980-1996.
       Nobody reads its pages or tunes on it; the lead measures it once (seed 2034), at the end.
    L  HELD OUT from session 16 on (no page of it read by the reader): faces from font packages none of
       A-K uses (fonts-urw-base35: Nimbus Mono, the typewriters' Courier, and the PostScript printers'
       faces; Gentium Plus; Noto Sans Mono); leva and stotinki in columns of their own ("лв." | "ст."), the
       thousands apostrophe or space on some amounts only; a heading cell merged over runs of columns
       ("Удръжки" over the itemised deductions, which may include a court order's "Запор", and their total;
       "Начислено" over the pay); the days on sick leave beside the days worked (no payroll-page/1
       field); a row per person on two typed lines (the name and ЕГН on the first, the
       figures on the second); the ЕГН or the row number at the far right; only the heading ruled;
       corrections in the margin with an arrow, or typed over; a stamp over the totals, "Общо:" for
       "Всичко"; the period as "месец май 1991", "05.1991" or "V-1991", or after the title on its line;
       the father's name as an initial (Иван П. Георгиев); the employer's town after a comma and its
       address under it; months continued on a second sheet ("Пренася се" at the foot, "Пренос" at the
       head: no people); portrait or landscape.
       Nobody reads its pages or tunes on it; the lead measures it once (seed 2035), at the end.
    M  HELD OUT from session 17 on (made in the lead's session 9 before anything was tuned on L; no page
       of it read by the reader): faces from font packages none of A-L uses (fonts-jetbrains-mono as
       typewriter and dot-matrix, fonts-linuxlibertine in print); ditto marks ('"', '—"—') down the
       position and days columns (the truth the value they stand for), the roster listed by trade; amounts
       after a line of leader dots; the form's last ruled lines left empty; names with initials first
       (И. П. Георгиев, the truth as printed); the month's hours beside the days (no payroll-page/1
       field); a bonus ("Премия") as the additional pay; "Итого" or "Сума" for "Всичко"; a second small
       table of the month's sums ("Рекапитулация") under the first; portrait or landscape; 1980-1996.
       Nobody reads its pages or tunes on it; the lead measures it once (seed 2036), at the end.
    N  HELD OUT from session 18 on (no page of it read by the reader): faces from font packages none of
       A-M uses (fonts-hack and fonts-fantasque-sans as typewriter and dot-matrix, fonts-ebgaramond in
       print); a tired typewriter (worn keys struck faint or off the line, letters struck twice, the
       ribbon running dry down the page); the back of a thin sheet showing through; a sheet photographed
       at an angle (perspective, the desk around it) instead of scanned; holes punched in a binding
       margin; a fold across the page through a row; the ЕГН typed in the ten boxes of a printed form;
       row numbers "1)"; amounts with "лв." after them; days typed "21д."; a zero typed "—" or "х";
       the period as a date range ("от 01.03.1985 до 31.03.1985 г."); a form printed in pale ink;
       the cashier's "ИЗПЛАТЕНО" stamped in the signature column; headings contracted ("Осн. з-та",
       "Уд-ки"); column orders of its own; portrait or landscape; 1980-1996.
       Nobody reads its pages or tunes on it; the lead measures it once (seed 2037), at the end.
    O  HELD OUT from session 11 on (made before N was measured; no page of it read by the reader): faces
       from font packages none of A-N uses (fonts-firacode as typewriter and dot-matrix, fonts-sil-charis
       and fonts-sil-andika in print); a works' sheet of several departments, each under a
       heading row of its own ("Цех „Механичен“", "II. ОТДЕЛ СНАБДЯВАНЕ") and, on some files, closed by a
       subtotal row ("Всичко за цеха:"), the row numbers running on across them and the grand total
       "Всичко за предприятието" (neither heading nor subtotal is a person's row); amounts with "=" for the
       decimal point ("123=45", whole leva "150=-" on some files); the period on a printed form's line
       ("за месец ...май... 19.87. г.": the month and the year's last two digits typed, the rest printed in
       a face of the form's own); squared paper; the office's corner stamp (ъглов щемпел, "НРБ" above on
       some) in place of the typed employer; the clerk's ticks in the right margin; a photocopy (toner
       streaks, dust, the lid's edge); a coffee cup's ring; a bottom corner torn off; a bound book's
       two-page spread scanned as one image (the gutter's shadow between two columns); column orders and
       heading words of its own; portrait or landscape; 1980-1996.
       Nobody reads its pages or tunes on it; the lead measures it once (seed 2038), at the end.
    P  HELD OUT from its making in session 12 (2026-12-03, helper s21-famp; no page of it read by the reader,
       any seed): faces from font packages none of A-O uses (fonts-3270 and fonts-monoid as a computer
       centre's printer, fonts-mononoki as typewriter, thin prints from fonts-roboto-unhinted and fonts-lato);
       a computer centre's printout (ИЦ, ТИЦ) on fanfold paper: the tractor strips' holes down both edges,
       the perforations, green (grey) bands under the lines, the centre's name and the run's date above the
       client's header (neither is the employer), a client's code before the employer's name, everything in
       capitals on most (the names, positions and employer too: the truth as printed), the table ruled with
       typed characters (dashes, "=" over the totals, "!" between the columns), "*** ВСИЧКО ***"; on any file:
       row numbers with leading zeros ("01", "001"), the ЕГН typed under the name in the name's column (a
       person's row on two lines), the ЕГН last or the net pay before the days and the gross, the period with
       a two-digit year ("за м. март 89 г."), the year first ("1989 г., месец март") or as a printout puts it
       ("ПЕРИОД: 03.1989"), the employer typed in the top-right corner (the sheet's number on the left), a
       co-operative's name (ТКЗС, АПК, ДЗС; ЗК, ЗКПУ after 1991), amounts in stotinki on some files, a blue
       ink stamp over the totals (light in a grey scan), a page scanned out of focus; portrait or landscape;
       1980-1996.
       Measured once by the lead at the start of session 14 (seed 2039: 34 % right, 12.8 % wrong without a
       flag); tuned on from then (dev seeds 8001-8020). ``mixed`` stays B, C or D.
    Q  HELD OUT from its making in session 13 (2026-12-04, helper s22-famq; no page of it read by the reader,
       any seed): a public institution's payroll (a hospital, a school, a municipality) typed on a portrait
       sheet, often photographed by a phone; its switches, words and drawing are in samples/family_q.py (its
       docstring says what it draws). Measured once by the lead in session 15 (seed 2040); tuned on from then
       (dev seeds 9001-9020).
    R  HELD OUT from its making in session 15 (2026-12-04, helper s24-famr; no page of it read by the reader,
       any seed): a building, transport or mining enterprise's brigade payroll, ruled by hand and kept on
       microfilm or scanned in black and white; its switches, words and drawing are in samples/family_r.py (its
       docstring says what it draws). Measured once by the lead at the start of session 16 (seed 2041: 53.7 %
       right, 2.40 % wrong without a flag); tuned on from then (dev seeds 10001-10060).
    S  held out from its making in session 16 (2026-12-04, helper s25-fams) to its one measurement: the
       payroll book of a trade, catering or services enterprise (a shop, a restaurant or hotel,
       a works of household services), typed or printed on the pages of a bound ledger, the book photographed
       or scanned open (the page curving into the spine, the gutter's shadow, the facing page's edge); its
       switches, words and drawing are in samples/family_s.py (its docstring says what it draws). Measured once
       by the lead at the start of session 17 (seed 2042: 66.4 % right, 0.26 % wrong without a flag, 68.6 %
       review); tuned on from then (dev seeds 11001-11040).
    T  held out from its making in session 17 (2026-12-04, helper s26-famt; made before anything was tuned on
       S) to its one measurement: an agricultural co-operative's payroll written out by hand on a printed blank
       form; its switches, words and drawing are in samples/family_t.py (its docstring says what it draws).
       Measured once by the lead at the start of session 18 (seed 2043: 68.5 % right, 4.75 % wrong without a
       flag, 46.6 % review); tuned on from then (dev seeds 12001-12040).
    U  held out from its making in session 18 (2026-12-05, helper s27-famu; made before anything was tuned on
       T) to its one measurement: a private or newly privatised firm's payroll of 1992-1996 made on
       a PC (a spreadsheet or an accounting program), printed on a laser, inkjet or 9-pin printer, many pages kept
       as they came by fax; its switches, words and drawing are in samples/family_u.py (its docstring says what it
       draws). Measured once by the lead at the start of session 19 (seed 2044: 72.1 % right, 18.3 % wrong without
       a flag (3 of 16 pages no table found), 30.3 % review); tuned on from then (dev seeds 13001-13040).
    V  held out from its making in session 19 (2026-12-05, helper s28-famv; made before anything was tuned on
       U) to its one measurement: a state enterprise's payroll of 1980-1991 typed on a wide-carriage typewriter,
       kept in a damp store room and scanned in colour; its switches, words and drawing are in
       samples/family_v.py (its docstring says what it draws). Measured once by the lead at the start of session
       20 (seed 2045: 52.1 % right, 2.67 % wrong without a flag, 72.6 % review); tuned on from then (dev seeds
       14001-14040).
    W  held out from its making in session 20 (2026-12-05, helper s29-famw; made before anything was tuned on V) to
       its one measurement: the archive's carbon copy, on onionskin, of a
       monthly payroll filled in on an electric typewriter on a ministry's printed blank form (a trade co-operative,
       a scientific institute, a hospital's kitchens, a transport depot; 1980-1996), foliated by the archive and
       scanned by an overhead book scanner; its switches, words and drawing are in samples/family_w.py (its docstring
       says what it draws). Measured once by the lead at the start of session 21 (seed 2046: 84.3 % right, 0.00 % wrong
       without a flag, 21.2 % review); tuned on from then (dev seeds 15001-15040).
    X  held out from its making in session 21 (2026-12-05, helper s30-famx; made before anything was tuned on W) to
       its one measurement: a works' payroll (a mine's section, a textile combine's shop, a railway section, a
       forestry enterprise; 1980-1994) typed on a wax stencil as a two-tier sheet (every person on two lines, two
       fields one over the other in most columns), the sums of a long month carried between its pages, run off on the
       works' duplicator (stencil ink or a spirit duplicator's violet) and kept as the archive's copy, scanned or
       photographed by a phone as a low-quality JPEG; its switches, words and drawing are in samples/family_x.py (its
       docstring says what it draws). Measured once by the lead at the start of session 22 (seed 2047: 12.6 % right,
       0.00 % wrong without a flag, 100 % review: every page in review whole); tuned on from then (dev seeds
       16001-16040).
    Y  held out from its making in session 22 (2026-12-05, helper s31-famy; made before anything was tuned on X) to
       its one measurement: a small organisation's monthly
       payroll (a community centre, a school, a kindergarten, a municipality's small service, a craftsmen's
       co-operative's workshop; 3-14 people; 1980-1996) typed on a portable typewriter with a worn ribbon on an A3
       sheet, a leaver struck through (no row of the truth), a late hire written in by hand (in the truth), folded in
       four, kept in a plastic sleeve (glare, its edge and punched strip), a clip, a stapled slip or a sticky label
       over some cells (kept in the truth, marked ``covered``), scanned on an A3 flatbed or photographed; its
       switches, words and drawing are in samples/family_y.py (its docstring says what it draws). Measured once by the lead at the start of session 23 (seed 2048: 87.7 % right,
       0.24 % wrong without a flag, 21.0 % review); tuned on from then (dev seeds 17001-17040).
    Z  held out from its making in session 23 (2026-12-05, helper s32-famz; made before anything was tuned on Y) to its
       one measurement: a big enterprise's payroll of 1980-1991 made at its machine-accounting
       station (МСС) on an electromechanical bookkeeping machine: the names, ЕГН and trades printed from embossed
       address plates (blocky, unevenly inked, each plate's line a little off the machine's), the figures by the
       machine's numeric print unit (a narrow fixed face, "*" after a total, "-" or "CR" after a deduction, the storno
       of a wrong line in the ribbon's red half: neither line in the truth), on a pre-printed continuous form (its
       headings small, in a coloured ink), the machine's running control total on some layouts; scanned on a sheet-fed
       production scanner (bitonal or grey, 200-300 dpi, dust streaks down the page, feed skew and stretch, punched
       holes, the archive's barcode sticker); its switches, words and drawing are in samples/family_z.py (its
       docstring says what it draws). Measured once by the lead at the start of session 24 (seed 2049: 62.8 % right,
       0.04 % wrong without a flag, 82.0 % review: 15 of 16 pages in review whole); tuned on from then (dev seeds
       18001-18040).
    AA held out from its making in session 24 (2026-12-05, helper s33-famaa; made before anything was tuned on Z; no
       page of it read by the reader, any seed) to its one measurement by the lead at the start of session 25 (seed
       2050: 26.8 % right, 5.24 % wrong without a flag, 58.9 % review; tuned on from then, dev seeds 19001-19040): a
       monthly payroll listing of 1984-1993 printed for its client enterprises by a district computing centre (ОИЦ,
       ТИЦ) on its ЕС ЕИМ mainframe's line printer (capitals only, letters off the drum's line, faint or heavy ribbon,
       worn type; columns between printed '!', '|' or ':' or blanks, rules of '-' or '=') on fanfold paper with bars
       and tractor strips or written by a COM recorder, a month over several pages with the sums carried between
       them and department subtotals (neither a row), kept on microfiche and read on a reader-printer (white on black
       on some files; vignetting, uneven focus) or copied and scanned grey; its switches, words and drawing are in
       samples/family_aa.py (its docstring says what it draws). Families after Z take two letters.
    AB held out from its making in session 25 (2026-12-05, helper s34-famab; made before anything was tuned on AA; no
       page of it read by the reader, any seed) to its one measurement by the lead at the start of session 26 (seed
       2051: 21.6 % right, 22.7 % wrong without a flag, 79.2 % review; tuned on from then, dev seeds 20001-20040): a
       state institution's monthly payroll of 1985-1996 for its civilian staff and long-service personnel (a military
       unit's, a construction-troops detachment's, a military hospital's or repair base's, a civil defence staff's)
       printed by its finance service on a daisy-wheel printer (Cronyx Courier wheels at 10, 12 or 15 to the inch,
       carbon film or fabric ribbon, bent and chipped petals, double-struck headings and totals) across a wide sheet:
       many allowance columns (rank, years of service, rations, quarters, night work, harmful conditions, a bonus;
       their total the additional pay where printed), itemised deductions (ДОД, union fee, ДСК, запор, rent), ranks or
       posts, a classification mark and the ministry over the institution, a month over pages with the sums carried,
       the archive's "РАЗСЕКРЕТЕНО" stamp on some; kept on 16 mm roll microfilm (scratches along the film, dust,
       exposure, the neighbouring frame, the blip) and scanned grey or bitonal; its switches, words and drawing are in
       samples/family_ab.py (its docstring says what it draws).
    AC held out from its making in session 26 (2026-12-05, helper s35-famac; made before anything was tuned on AB; no
       page of it read by the reader, any seed) to its one measurement by the lead at the start of session 27 (seed
       2052: 61.5 % right, 13.8 % wrong without a flag, 40.8 % review; tuned on from then, dev seeds 21001-21040): the
       monthly piece-rate payroll of 1980-1996 of an agricultural or food employer's seasonal workers (a ТКЗС's or an
       АПК's brigade, a ДЗС, a canning or tobacco works' raw-material base, a rose-oil works; a land co-operative or a
       liquidation council from 1991): pickers, stringers, hoers and pruners paid for the quantity they brought in at
       the month's rate (the month's work and unit in the title: roses, cherries, grapes in kilograms, tomatoes in
       crates, tobacco in strings, pruning in decares), typed on a wide-carriage A3 or an A4 sheet (scalable-cyrfonts-
       tex's Courier; a printed blank form in its Tarzana on some files) with a quantity and a rate column (no
       payroll-page/1 field; the rate typed once with ditto marks under it on some), the piece earnings (quantity x
       rate) as the base pay or the gross, a bonus, itemised deductions on some layouts (ДОД, the field canteen's meals,
       the bus, the weekly advance), the ЕГН first or last, names in full, surname first or "Петрова М. И.", the days
       and quantities written in by the brigade leader's hand on some files, seasonal people coming and going month to
       month; the archive keeps only a certified photocopy: one to three generations of xerox (turned and shifted on
       the glass, an A3 sheet reduced to A4, the toner's contrast dropping light strokes and filling dark ones, speckle,
       a drum's streak, the lid's dark border, the original's holes and staple copied), the "ВЯРНО С ОРИГИНАЛА" stamp
       and a signature over the table's lower right (across the last rows and the totals on some pages), put on the
       last copy or copied black from an earlier one; scanned grey at 200 or 300 dpi; its switches, words and drawing
       are in samples/family_ac.py (its docstring says what it draws).
    AD held out from its making in session 27 (2026-12-06, helper s36-famad; made before anything was tuned on AC; no
       page of it read by the reader, any seed) to its one measurement by the lead at the start of session 28 (seed
       2053: 22.7 % right, 0.00 % wrong without a flag, 100 % review; tuned on from then, dev seeds 22001-22040): the
       monthly payroll of 1980-1996 of a works of the Rhodopes or the north-east (a lead-zinc mine's section, a tobacco
       works or co-operative, a forestry enterprise, a knitwear, sewing or shoe factory in the Kardzhali, Smolyan,
       Razgrad, Shumen or Targovishte district) whose people are Bulgarian Turks, Pomaks, Roma, Armenians, Karakachans
       and Bulgarians (names no Bulgarian name dictionary holds), with the state's renaming of December 1984 - March
       1985 (the Pomaks' before 1980) and the restoration from March 1990 on its sheets: on the first sheets after a
       renaming the old name typed, struck through by pen and the new one written above by hand; after a restoration
       the imposed name struck and the own written above, or the own typed with a typed note of the former one under
       it; the truth's name the one that stands (the written one, the typed one above a note), the ЕГН unchanged;
       typed on an East German office typewriter (fonts-vlgothic's VL Gothic as its Grotesk type, fonts-ipafont-mincho's
       IPA Mincho cut to its pitch as its Pica type; a black or violet ribbon; bent and clogged typebars) on an A3 or
       A4 sheet, two-tier columns (the name over the post or the ЕГН, the base over the additional pay, the ДОД over
       the union's fee or the advance) under the groups "Трудово възнаграждение" and "Удръжки", the columns numbered on
       some, the rules typed ("!" or ":") or ruled by pen, the people's signatures; kept on acidic paper: yellowed,
       browner to its edges, foxing, chipped edges, a corner or an edge piece broken off through rows on some pages
       (torn marks; the truth keeps the values), a crack mended with yellowed tape; scanned in colour on an A3 flatbed at
       300 dpi (an A4 sheet at 300 or 400), saved PNG; its switches, words and drawing are in samples/family_ad.py (its
       docstring says what it draws).
    AE held out from its making in session 28 (2026-12-06, helper s37-famae; made before anything was tuned on AD; no
       page of it read by the reader, any seed) to its one measurement by the lead at the start of session 29 (seed
       2054: 44.6 % right, 0.62 % wrong without a flag, 85.5 % review; tuned on from then, dev seeds 23001-23040): the
       monthly payroll of 1980-1996 of a shift-working employer paid by the hour (a bus enterprise, ДАП or
       "Автотранспорт"; a БДЖ locomotive or carriage depot; a district hospital or the emergency centre; a bread works):
       the hours worked, the night hours and the overtime hours in columns of their own beside the days or instead of
       them (no payroll-page/1 field: neither days nor money; on 12-hour trades the days a shift count far under the
       hours; no days column on some layouts, the truth's days null), the hour's rate with three decimals on some, the
       base for the hours at that rate, the additional pay itemised (night work, overtime, the shift regime, years of
       service; their sum the additional pay, printed or not; on one layout only the hours stand for it), itemised
       deductions (ДОД, the union's fee, the advance), the totals row summing the hours too, group headings
       ("Отработено време", "Доплащания", "Удръжки") over runs of columns on some; typed on an electric typewriter of
       the late 1980s (fonts-naver-d2coding's D2Coding as its Letter Gothic type, regular or bold, at 10, 12 or 15 to
       the inch, a carbon-film or a fabric ribbon, every letter struck evenly; one space between the columns where a
       table fits an A4 sheet no other way, else an A3 one), the rules typed or ruled by pen; the correcting ribbon's
       work: a figure, an ЕГН or a name lifted off and retyped over the same place, the lifted letters' pale ghosts
       under the right ones (correction marks; the truth the retyped value); the archive's boxes flooded: the water's
       reach from the foot or a side of the page under brown tide lines, the paper there darker and blotched, the
       ribbon's ink a little run there and the pen's and the violet stamp's aniline inks far more (signatures, stamp:
       no truth), mould colonies (thin over the typed cells), the sheet cockled as it dried (the rows wave: a vertical
       shift per column the truth's boxes follow), pages stuck together (the facing sheet's typing set off mirrored and
       faint, patches of the surface torn off when they were parted, kept off every typed line so that every truth
       value stays readable); scanned on a flatbed at 300 dpi on a white, grey or black backing, a little turned, an A4
       sheet in colour or grey, an A3 one grey, saved PNG (under ~5 MB); its switches, words and drawing are in
       samples/family_ae.py (its docstring says what it draws).
    AF held out from its making in session 29 (2026-12-06, helper s38-famaf; made before anything was tuned on AE; no
       page of it read by the reader, any seed) to its one measurement by the lead at the start of session 30 (seed
       2055: 65.8 % right, 22.3 % wrong without a flag — rows not found, 4 of 16 pages failed —, 47.3 % review; tuned on
       from then, dev seeds 24001-24040): the
       monthly payroll of 1980-1996 of a culture or education institution (a читалище, a school — ЕСПУ, СОУ from 1991 —
       or a kindergarten, a district house of culture, a music or art school, a district library) run off as
       spirit-duplicator ("ditto") copies: the rows sorted by post (the director first, the service staff last); part-
       time staff, the post's share ("1/2", "1/4", "0,50") in a column of its own (no payroll-page/1 field), the base the
       post's salary times that share for the days paid; the same person on two rows, a main post and an additional
       contract (the same ЕГН and name, each row its own post, share, base and deductions; the truth keeps both rows),
       right under the main row or in a block at the foot; lecturers' honoraria (the lessons, the rate per lesson and
       their product) in columns of their own, items for years of service and a leader's allowance, their sum the
       additional pay (printed or not); civil-contract rows last ("г.д." in the share column, no days — null in the
       truth —, a nought base typed "-" or "0,00", the honorarium their gross, a tenth of it the tax and their only
       deduction), a typed label over the foot block and the civil contracts on some files (no row); itemised
       deductions (ДОД, the union's fee, the advance, a ДСК loan's instalment); typed on a manual typewriter
       (fonts-unfonts-extra's UnShinmun as its serif type at 10, 12 or 15 to the inch, the typist's uneven force) onto a
       spirit master, the rules typed or drawn with a ruler on the master, a figure or name struck wrong scraped off the
       master and retyped (a faint ghost and smear under it: correction marks, the truth the retyped value); the copy in violet aniline dye: strokes
       spread and mottled, fading unevenly down the page (or across it) and paler on the master's last copies, streaks
       along the feed, a violet haze on some, the text a little askew on the paper, the signatures in ballpoint and a
       violet stamp; glossy thin paper folded in quarters (creases through the rows, the dye cracked along them),
       punched for a ring binder (two or four holes along the left of a portrait sheet or the top of a landscape one,
       kept clear of the typing; one torn out to the edge on some pages); scanned on a sheet-fed document scanner (ADF)
       at 200 or 300 dpi in colour, a little skewed and stretched by the feed, a dust line along the feed on some files,
       JPEG-compressed at a low quality and decoded, saved PNG (under ~5 MB); its switches, words and drawing are in
       samples/family_af.py (its docstring says what it draws).
    AG held out from its making in session 30 (2026-12-06, helper s39-famag; made before anything was tuned on AF; no
       page of it read by the reader, any seed) to its one measurement by the lead at the start of session 31 (seed
       2056: 19.0 % right, 10.2 % wrong without a flag, 84.1 % review; tuned on from then, dev seeds 25001-25040): the
       monthly "разчетно-платежна ведомост" of 1980-1996 of a state enterprise that paid its people in cash (a machine
       works, a construction trust, a mine, a textile combine, a bread or canning works; a ДФ from 1989, its new form
       from 1992; a shop's, section's or brigade's line under its name on some): the base for the days worked, the
       additional pay (bonuses, printed or not), gross, itemised deductions (ДОД, the union's fee, the advance, a ДСК
       loan) and net, then the cashier's breakdown of every net pay into banknotes ("купюрен строеж": a column of counts
       for each note the file's year knew, 1-20 leva to 1990, larger ones as the lev lost its worth, to 50-1000 leva
       from 1994, greedy from the largest, and the coins left under the smallest as an amount: no payroll-page/1 field;
       sum(count x note) + coins = net), the totals row summing the money and every count (the cash ordered from the
       bank), under a group heading on most files; a person not come for the pay "ДЕПОНИРАНО" stamped in violet across
       the signature cell (a stamp mark of the row, its truth unchanged); typed on an office typewriter
       (fonts-unfonts-core's UnBatang cut to a pica or elite pitch, a black fabric ribbon), the rules typed or ruled by
       pen, A4 landscape or portrait; the sheet burned in a fire in the archive: one to three edges charred and burned
       away (a ragged black band, the paper gone beyond it), scorched brown a hand's breadth inward, browned by the heat
       all over, soot on some, charred flakes fallen out near a burned edge, the burning kept off every typed string
       (every truth value stays on the page), the sheet cockled by the heat (the rows wave: a vertical shift per column
       the truth's boxes follow) on some; photographed square-on on a conservator's copy stand on black or grey felt
       beside a centimetre ruler and a colour chart, a little turned, two lamps' uneven light and vignetting, saved RGB
       PNG at the sheet's 200, 240 or 300 dpi (under ~5 MB); its switches, words and drawing are in samples/family_ag.py (its docstring says what it draws).
    AH held out from its making in session 31 (2026-12-06, helper s40-famah; made before anything was tuned on AG; no
       page of it read by the reader, any seed) to its one measurement by the lead at the start of session 32 (seed
       2057: 37.9 % right, 6.9 % wrong without a flag, 100 % review; 44.1 / 7.0 / 100 % on its truth without the
       unprinted ЕГН; tuned on from then, dev seeds 26001-26040): the
       monthly crew payroll of a shipping company's vessel of 1980-1996 (a sea-going ship of Параходство "Български
       морски флот" or Булфрахт, a river ship or pusher of "Българско речно плаване", an ocean trawler of "Океански
       риболов"; their new forms from 1991), the ship's line and its port of registry under the company (not the
       employer's name): the crew in the order of their ranks (капитан, ст. помощник капитан, механици, боцман,
       моторист, матрос, готвач: the rank the row's position where the sheet has a rank column), the days at sea and
       the days in port in columns of their own (no payroll-page/1 field) and on some layouts their sum (the days on the
       roll; days_worked null where only the two parts are printed), the base for the days, the sea-service supplement
       ("морски добавки", a per cent of the base for the share of days at sea: the additional pay), gross, itemised
       deductions (ДОД, the union's fee, the advance before the voyage) and net, and the foreign-currency allowance for
       the days at sea in USD or DM ("Валутна част", "Дневни в USD": the rank's daily rate x the days at sea; no
       payroll-page/1 field, never part of gross or net; between the additional pay and gross on one layout) totalled
       with the leva columns; typed on an electric typewriter with a gothic typeball (fonts-clear-sans's Clear Sans
       cut to 10, 12 or 15 to the inch, a carbon-film ribbon), rules typed or ruled by pen; the sheet torn in two or
       three pieces (across through a gap between two of the table's lines, or down a gap between two columns), a strip
       lost along the tear where nothing is typed, the pieces a little shifted and turned apart (the truth's boxes with
       their piece), mended with yellowed adhesive tape (short strips across the tear or a long one along it: the
       paper and typing under it darker, its edges' lines, its glare under the lamp), scanned on a flatbed a little
       turned, the lid's white in the gaps, saved as 16 levels of grey at 200 or 300 dpi or as a bitonal 1-bit PNG at
       300 dpi dithered (ordered or error-diffused) after the scanner's white point (under ~5 MB); its switches, words
       and drawing are in samples/family_ah.py (its docstring says what it draws).
    AI held out from its making in session 32 (2026-12-06, helper s41-famai; made before anything was tuned on AH; no
       page of it read by the reader, any seed) to its one measurement by the lead at the start of session 33 (seed
       2058: 100 % right, none wrong without a flag, 2.1 % review, the employer right on no page, the period on 6 of
       16; tuned on from then, dev seeds 27001-27040): the
       monthly payroll of 1980-1996 of a design organisation that closed without a successor (a district design
       organisation, ТПО; a branch of "Агропромпроект", "Промпроект", "Минпроект", "Водпроект" or "Транспроект"; a
       machine-building design bureau; Толбухин, Михайловград renamed in their years) drawn up as its drawing office
       drew everything: lettered by a draughtsman-copyist with a stencil and a technical pen (fonts-osifont's ISO 3098
       lettering, 3.5, 2.5 or 1.8 mm high, upright or slanted at 75 degrees) on tracing paper, ruled with the pen
       (outer lines thick, inner thin) in a drawing's sheet frame (the 20 mm binding margin on the left) with the title
       block ("основен надпис", 185 x 55 mm) at the lower right holding the employer, the document's name, the period
       ("м. III 1986 г.", "март 1986 г." or "03.1986 г."), the section ("Секция "Конструкции"": not the employer), the
       sheet and the number of sheets ("Лист", "Листа"), the archive number and three signers with their names and
       signatures; a title line with the period over the table on some files only; the staff in the order of their
       posts (гл. проектант ... копирист, светлокопирист, машинописка, куриер), the base for the days worked, the
       project fee ("хонорар по обекти") and the author's supervision ("авторски надзор") as the additional pay's items
       (their sum printed or not: null where only the items are), itemised deductions (ДОД, the union's fee, the mutual
       -aid fund "ВЗК", a ДСК loan, the advance), net; a nought a dash; kept only as the office's diazo copy
       (whiteprint: the lines' dye blue-violet, sepia or near black, the ground a pale tint of it where the copy was
       underexposed and the thin lines paler where overexposed, the exposure banded across the feed and uneven along
       the lamp, the lines soft where the tracing paper lifted off the copy paper, its creases printed as faint lines
       that cross the table like rules, streaks of the ammonia's development along the feed, the dye faded and the
       ground yellowed along one edge, the tracing paper shrunk more one way), scanned on a flatbed a little turned in
       colour at 200 dpi or grey at 300 dpi (under ~5 MB); its switches, words and drawing are in samples/family_ai.py
       (its docstring says what it draws).
    AJ held out from its making in session 33 (2026-12-06, helper s42-famaj; made before anything was tuned on AI; no
       page of it read by the reader, any seed) to its one measurement by the lead at the start of session 34 (seed
       2059: 57.4 % right, none wrong without a flag, 83.2 % review, every row, the employer right on 4 of 16 pages,
       the period on 16; tuned on from then, dev seeds 28001-28040): the
       monthly payroll of 1980-1996 of a hotel and restaurant complex of "Балкантурист" that closed without a successor
       (a ХТК on the coast or in the mountains, an Интерхотел in a district town; "Ленинград" in Plovdiv renamed
       "Санкт Петербург" in 1991, Толбухин and Михайловград in their years), one sheet for one hotel or restaurant (the
       unit's line under the employer: not its name), typed double-spaced on the accounts office's electric typewriter
       (fonts-umeplus's gothic at 10 or 12 to the inch, 15 where need be; A4, the widest tables on A3), the rules typed
       or ruled by pen; the staff in the order of the hotel's posts (управител ... камериерка, миячка, огняр), the base
       for the days, the share of the restaurant's turnover ("% от оборота": waiters, barmen, the kitchen) and the
       season's supplement (June-September) as the additional pay's items (their sum printed or not), itemised
       deductions (ДОД, the union's fee, the staff canteen's meals by the days, the advance), net; a long name over two
       lines of its row on some files; a run of rows of one post merged into one cell (the post typed once, no rules
       between them there; each row's position the post) on some; the period "за месец юли 1987 г.", "м. VII 1987 г.", "07.1987 г." or "ЮЛИ 1987
       Г."; the accounts' checker's recount in red or blue pencil: on most files a row or three typed from a wrong input
       (the days, the turnover's share, the advance) and worked out from it (the typed row and the typed totals add up
       on their own), every typed figure it changed struck and the right one pencilled above it, the totals' too (the
       truth the pencilled values, each a correction mark); the store's mice and insects: an edge or a corner gnawed
       away (a ragged brown rim), bookworms' tunnels of small round holes, flies' specks like full stops, silverfish's
       grazed patches (paper lighter, ink and rules faded), none of it on a typed or pencilled string; scanned on a
       flatbed with a black, grey or white backing behind the sheet (through the holes), a little turned, in colour at
       200 dpi or grey at 300 dpi, an A3 sheet grey at 200 (under ~5 MB); its switches, words and drawing are in
       samples/family_aj.py (its docstring says what it draws).
    AK held out from its making in session 34 (2026-12-06, helper s44-famak; made before any tuning on AJ was merged; no
       page of it read by the reader, any seed) to its one measurement by the lead at the start of session 35 (seed
       2060: 13.1 % right, 3.5 % wrong without a flag, 99.0 % review, 96.5 % of rows, the employer right on no page,
       the period on 9 of 16; tuned on from then, dev seeds 29001-29040): the
       monthly payroll of 1986-1996 of an agricultural co-operative that closed without a successor (a ТКЗС, an АПК or
       one of its farms; from 1992 its liquidation council, "ЛС на ТКЗС ..."; Толбухин and Михайловград renamed in
       their years), worked out at the co-operative's computing office and printed by a 9-pin dot-matrix printer on
       15-inch or A4 fanfold paper (fonts-glasstty's VT220 face, its Russian-form Cyrillic, at 10, 12 or 17 to the inch), capitals,
       the members in the register's order of their surnames (surname first on some files), the member's ledger number
       after the row number and the per cent of the norm beside the days on some layouts (no payroll-page/1 field), the
       base for the days at the norm, the plan's premium as the additional pay, itemised deductions (ДОД, the produce
       taken in kind "натура", the advance) on some layouts, a decimal point or comma, from 1991 thousands by a comma
       or a space on some files, under a lev without its nought (".85"), a nought ".00" or "0.00"; a month of 28-70
       members over two or three pages of which only the first has the title, the period and the column headings: the
       later pages headless (a running line with the employer, the period and the page, then the rows straight on,
       numbered on, no heading, no carried sums), each page ending with its own sums (the truth's totals), the last
       also with the month's sums over all its pages (no truth) and the signers; on most files the produce a member took
       in kind on a line of its own under the row, across the figures' columns (a quantity, the year's price and their
       product, the natura: no row, the row's box holds it); a worn ribbon and a weak pin on some
       files (one dot row of every line faint, never missing); photographed with a phone on a desk under a lamp
       (turned and skewed a little on the desk's wood, warm uneven light, the shadow of the hand and the phone across
       part of the page, a little soft, JPEG-compressed, RGB at about 200 dpi, under ~5 MB); its switches, words and
       drawing are in samples/family_ak.py (its docstring says what it draws).
    AL held out from its making in session 35 (2026-12-07, helper s45-famal; made before anything was tuned on AK; no
       page of it read by the reader, any seed) to its one measurement by the lead at the start of session 36 (seed
       2061: 36.1 % right, 24.3 % wrong without a flag, 45.6 % review, 76.0 % of rows, the employer right on all 16
       pages, the period on 12 of 16; tuned on from then, dev seeds 30001-30040): the
       monthly payroll of 1980-1996 of a works that closed without a successor and paid its people under two pay
       systems (a bread works, a mine, a construction trust's site, a shoe works, a sewing co-operative, a brickworks, a
       canning works, a bus depot's repair shop; Толбухин and Михайловград renamed in their years), typed on an office
       typewriter (fonts-morisawa-bizud-mincho's BIZ UD Mincho cut to 10, 12 or 15 to the inch; a black or two-colour
       ribbon, the sections' titles and subtotals red on some files) on A4 or A3 and ruled in ink: two sections one
       under the other, each under its own column headings, the piece-rate workers ("на акорд": the norm-hours, no
       payroll-page/1 field, the earnings by the work orders as the base, a premium) and the time-rate staff ("на щатна
       заплата": the days, the post's monthly salary, no field, the base for the days, the supplement for years of
       service), with column sets and orders of their own (the ЕГН before or after the name, the post and the days in
       one or both, the deductions itemised — ДОД, the union's fee, the advance, a ДСК loan — in one and only their total
       in the other, or other items in each), so the columns change mid-sheet at a second heading row (the truth's days or post null in a
       section that prints none); rows numbered on across the sections, each section closed by its subtotal (no truth),
       the sheet by the grand total over both under the second section's columns (only the pay fields both print: the
       truth's totals); either section first; the ЕГН on every layout; the sheet consulted for years by clerks issuing
       certificates: highlighter bands (yellow, green, pink, orange) over the rows asked about (the typing under them
       darker than the band), pencil ticks in the margin, pencil lines under names in the gap below the typing, pencilled
       notes beside the rows (the certificate issued or the person's gross copied: no field); scanned on a flatbed a
       little turned, grey at 300 dpi or colour at 200, an A3 sheet grey at 200 (under ~5 MB); its switches, words and
       drawing are in samples/family_al.py (its docstring says what it draws).
    AM held out from its making in session 36 (2026-12-07, helper s46-famam; made before anything was tuned on AL; no
       page of it read by the reader, any seed) to its one measurement by the lead at the start of session 37 (seed
       2062: 83.9 % right, 0.75 % wrong without a flag, 70.6 % review, 98.9 % of rows, the employer right on 14 of 16
       pages, the period on all 16; tuned on from then, dev seeds 31001-31040): the
       monthly payroll of 1980-1996 of a public employer that closed without a successor (a district hospital, a
       sanatorium, a research institute, a drama theatre, a district cinema enterprise, a state printing house, a
       forestry, a railway section; Толбухин and Михайловград renamed in their years), typed on an office typewriter
       (fonts-motoya-l-cedar's Motoya L Cedar cut to 10 or 12 to the inch on A4 or a wide carriage's A3, 15 on A4 where
       need be; a violet aniline ribbon on most files, a black one on the rest), single-spaced and ruled in ink: the
       advance paid in two instalments in columns of their own (itemised deductions with ДОД and the union's fee on some
       layouts), the month's supplementary payroll ("допълнителна ведомост") typed under the regular rows on the same
       sheet (a line naming what it pays, then two to four of the same people again, the same ЕГН and name a second
       time, numbered on, only the additional pay: the base and days empty, null in the truth), the regular rows'
       subtotal before it on some files (no truth), the sheet's "Всичко" over both (the truth's totals); one layout
       prints no ЕГН (null in the truth); the sheet's exposed part faded by the light for years (the violet dye to a
       half or two thirds and bluish, a black ribbon less, the pen's ink too, the paper yellowed) and the part a folder
       or a shorter sheet covered not, a sharp edge between them across the table's rows or columns (every typed string
       still far darker than its paper); scanned on a flatbed a little turned, grey at 300 dpi or colour at 200, an A3
       sheet grey at 200 (under ~5 MB); its switches, words and drawing are in samples/family_am.py (its docstring says
       what it draws).
    AN held out from its making in session 37 (2026-12-07, helper s47-faman; made before anything was tuned on AM; no
       page of it read by the reader, any seed) to its one measurement by the lead at the start of session 38 (seed
       2063: 70.6 % right, 3.98 % wrong without a flag, 60.2 % review, 100 % of rows, the employer right on 14 of 16
       pages, the period on all 16; tuned on from then, dev seeds 32001-32040): the
       monthly payroll of 1980-1996 of a works that closed without a successor (a ДАП, a construction-and-assembly
       combine, a ДЗС, a machine-building works, a textile combine, an ore-mining enterprise, a consumer co-operative's
       restaurants; Толбухин, Станке Димитров and Михайловград renamed in their years), typed on an office typewriter
       (fonts-morisawa-bizud-gothic's BIZ UD Gothic, regular or bold, cut to 10 or 12 to the inch on A4 or a wide
       carriage's A3, 15 where need be), ruled in ink: the state insurance's sick-leave and maternity benefits paid in
       the same rows (the days off sick beside the days worked, the ДОО benefit's amount after net or before gross, the
       sum to pay out = net + the benefit as every row's last amount: none a payroll-page/1 field; a person off sick the
       whole month nought in every field but the benefit), the totals row summing them too (no truth), itemised
       deductions on three layouts, one layout without ЕГН (null in the truth); the archive's carbon copy on thin paper
       (soft, grainy strokes, black or blue; no signatures) scanned with the file's next month's sheet under it showing
       through as a faint right-reading ghost table shifted between and across the rows (every typed string far darker);
       on a flatbed a little turned, grey at 300 dpi or colour at 200, an A3 sheet grey at 200 (under ~5 MB); its
       switches, words and drawing are in samples/family_an.py (its docstring says what it draws).
    AO held out from its making in session 38 (2026-12-07, helper s48-famao; made before anything was tuned on AN; no
       page of it read by the reader, any seed) to its one measurement by the lead at the start of session 39 (seed
       2064: 26.6 % right, 7.50 % wrong without a flag, 58.5 % review, 100 % of rows, the employer right on 13 of 16
       pages, the period on 12; tuned on from then, dev seeds 33001-33040): the
       monthly payroll of 1980-1996 of an employer that closed without a successor and typed it on an upright A4 sheet
       (a district people's council's kindergarten or school, a consumer co-operative's shops, a water-supply company
       ВиК, a district trade enterprise, a municipal services enterprise; Толбухин and Михайловград renamed in their
       years) on an office typewriter (fonts-migmix's MigMix 1M, regular or bold, its half-width Cyrillic cut to 12 or
       15 to the inch; a black or navy ribbon), ruled in ink: the table too wide for the sheet typed in two parts one
       under the other, each under its own line, column headings, rules and totals row: part I the pay (the row
       number, the name, the ЕГН on three of four layouts, the post on some, the days, the base, the additional pay,
       gross), part II the same people again in the same order (the row number, the name a second time in full or as
       "И. П. Георгиев", gross again on two layouts, the itemised deductions — ДОД, the union's fee, the advance, a ДСК
       loan on one —, their total, net, the signature): a truth row joins a person's part I line and the part II line
       of the same number (its box the part I line; part II's name no truth); the totals the two totals rows' fields;
       one layout without ЕГН (null in the truth); the sheet crumpled into a ball and flattened again (a web of creases
       at every angle, each a thin dark line with a lit and a shaded side, the facets between lighter or darker, the
       typing and rules kinked a pixel or two across them; every typed string far darker); on a flatbed a little
       turned, grey at 300 dpi or colour at 200, an A3 sheet (where the parts fit no A4) grey at 200 (under ~5 MB); its
       switches, words and drawing are in samples/family_ao.py (its docstring says what it draws).
    AP held out from its making in session 39 (2026-12-07, helper s49-famap; made before anything was tuned on AO; no
       page of it read by the reader, any seed) to its one measurement by the lead at the start of session 40 (seed
       2065: 58.4 % right, 0.00 % wrong without a flag, 55.9 % review, 100 % of rows, the employer right on none of
       16 pages, 2 of them wrong without a doubt, the period on 7; tuned on from then, dev seeds 34001-34040):
       the monthly payroll of 1980-1996 of a small employer that closed without a successor (a district road
       administration, a veterinary clinic, a children's home, a car-repair shop, a fishery, a market administration;
       Толбухин and Михайловград renamed in their years) TYPED on a PRE-PRINTED blank form of the state printing house
       ruled for a pen ("Образец № 14-ТРЗ" and the like, A3 or A4 landscape; printed in green, brown-red, blue-grey or
       black in fonts-takao-gothic's Takao P Gothic condensed, the typing in its Takao Gothic cut to a pica, elite or
       15-to-the-inch pitch; a black or blue-black ribbon): the form's title, its labels before dotted lines with the
       employer, the month, the year's digits after a printed "19" and the sheet's number typed on them; its grid of
       printed headings (column numbers under them on some), 13-28 printed rows 7, 8 or 8.5 mm apart (numbered in print
       on most forms, else the numbers typed), a printed foot row "В с и ч к о"; printed columns the employer never
       fills (night work, overtime, sick days, garnishments: no field, blank on every row); the ЕГН on three of four
       forms; the GRID AND THE TYPING DISAGREE: the typewriter's line spacing against the printed pitch (the typed lines
       creeping up or down across the printed rows until the typist lined one up again, or every row lined up by eye a
       little off), the sheet a little crooked in the typewriter (every typed line slanting across the printed rules),
       the tab stops set by eye and the sheet a character or so off them (figures touching or crossing the printed
       column rules, wide ones running into the next column); the printed rows under the last person left empty with
       their printed numbers (struck out with a ballpoint's Z on some files), the totals typed on the printed foot row or
       on the row after the last person; a name too long for its column typed with the father's initial (the truth as
       typed); scanned on a flatbed a little turned, grey at 300 dpi or colour at 200, an A3 sheet grey at 200 (under
       ~5 MB); its switches, words and drawing are in samples/family_ap.py (its docstring says what it draws).
    AQ held out from its making in session 40 (2026-12-07, helper s50-famaq; made before anything was tuned on AP; no
       page of it read by the reader, any seed) to its one measurement by the lead at the start of session 41 (seed
       2066: 0.19 % right, 0.00 % wrong without a flag, 100 % review — all 16 pages whole —, the employer right on 15
       of 16 pages, the period on 16; tuned on from then, dev seeds 35001-35040):
       the monthly payroll of 1980-1996 of an employer that closed without a successor (a district dairy, a brick works,
       a district building-repair enterprise, a bakery, a furniture works, a hosiery co-operative; Толбухин, Станке
       Димитров and Михайловград renamed in their years) worked out by a district computing centre and kept as its
       line-printer printout BY KINDS OF PAYMENT (machinogram; 132 positions at 10 to the inch, 6 or 8 lines to the
       inch, capitals only, in fonts-wqy-microhei's WenQuanYi Micro Hei; 15-inch fanfold with the tractor strips on or
       torn off, green or blue bars or plain; the columns unruled): no column a field but a BLOCK OF LINES A PERSON —
       the person's line (the zero-padded row number, the name in full or surname first, the ЕГН after "ЕГН" on some
       files on three of four layouts, the personnel number "ТАБ.N" in its place on one (the truth's ЕГН null there),
       the post on three), then the items one a line under the centre's codes (three code books: "101 ОСНОВНА
       ЗАПЛАТА", "01 ЗАПЛ. ОТР. ВРЕМЕ", "210 ТАРИФНА ЗАПЛАТА" ...), the accruals in the left half (the base with the
       days: the truth's days and base; only the years of service, bonus, night work, overtime the person had: their
       sum the additional pay, printed nowhere as one figure) and the deductions in the right half (only those
       withheld: tax, union fee, advance, ДСК loan, mutual-aid fund, garnishment), side by side, then the person's sums
       (gross, deductions, net) on one line or under the two halves, a blank line, dashes or nothing after —; at the
       foot the recapitulation by kinds (the base's sum the truth's total base) and the grand total (gross, deductions,
       net: the truth's totals); a drum printer's letters off the line or a chain printer's off their pitch, a fresh or
       faint ribbon, a few positions' hammers light; on an A3 flatbed a little turned, grey at 200 dpi (under ~5 MB);
       its switches, words and drawing are in samples/family_aq.py (its docstring says what it draws).
    AR held out from its making in session 41 (2026-12-07, helper s51-famar; made before anything was tuned on AQ; no
       page of it read by the reader, any seed) to its one measurement by the lead at the start of session 42 (seed
       2067: 21.8 % right, 38.3 % wrong without a flag — a printed line's two people read as one row —, 88.3 % review,
       15 of 16 pages whole; tuned on from then, dev seeds 36001-36040):
       the monthly payroll of 1980-1996 of an employer with many people on few columns that closed without a successor
       (a construction combine's building site, a state farm, a sewing co-operative's shop, a sugar works, a town's
       cleaning enterprise, a canning works; Толбухин and Михайловград renamed in their years), typed on an electric
       typewriter with a rounded gothic typeball (fonts-motoya-l-maruberi's Motoya L Maruberi cut to 12 or 15 to the
       inch; a black or blue ribbon) on an A3 sheet turned and ruled in ink: the list of 26-56 people SNAKED in two
       blocks SIDE BY SIDE, as a newspaper sets its columns — the first people down the left half under the column
       headings, the rest down the right half under the same headings typed again (shorter words on some files), the
       row numbers running on, the rows typed line by line across the sheet (a line holds the left block's row i and
       the right block's row k + i), one blank between the columns on the tightest (a long name with the father's
       initial where even that would not fit: the truth as typed), half the people each side or the left block the
       longer; the left block's sums carried over ("Пренася се:" at its foot, "Пренос:" at the right block's head) or
       each block's "Сума:" or none (no truth), the sheet's "Всичко" (the truth's totals) under the right block only;
       itemised deductions on two of four layouts, one without ЕГН (null in the truth); the A3 sheet scanned on an A4
       flatbed in TWO PASSES joined by the scanning software: a seam within 15 mm of the sheet's middle (through the
       gap between the blocks or the outer columns of one), the right pass up to 5 pixels higher or lower and turned
       up to 0.2 degrees against the left (the truth's boxes with it), a few per cent brighter or darker, the overlap
       cut hard (the glass's edge a faint line on some) or blended across a band (strokes there doubled a little), the
       title and period centred across the seam; grey at 200 dpi, a little turned (under ~5 MB); its switches, words
       and drawing are in samples/family_ar.py (its docstring says what it draws).
    AS held out from its making in session 42 (2026-12-07, helper s52-famas; made before anything was tuned on AR; no
       page of it read by the reader, any seed) to its one measurement by the lead at the start of session 43 (seed
       2068: 96.8 % right, 0.00 % wrong without a flag, 9.5 % review, 2 of 16 pages whole; tuned on from then, dev seeds 37001-37040):
       the monthly payroll of 1980-1996 of an employer that closed without a successor (a district car-service
       station, a dairy, a consumer co-operative's bakery, a shoe co-operative, a district printing house, a district
       hospital's administration; Толбухин, Станке Димитров and Михайловград renamed in their years), typed on an
       office typewriter (fonts-baekmuk's Baekmuk Batang cut to 10 or 12 to the inch, 15 where need be; a black
       ribbon) on an A4 sheet turned (A3 where the table and the tapes need it), ruled in ink; the accounts office
       checked its sums on a printing ADDING MACHINE (an ELKA) and STAPLED THE PAPER TAPES onto the sheet beside the
       table: one to three tapes (44 or 57 mm wide, torn jagged at both ends, a little crooked, fanned over each other,
       one staple through their heads), each adding one money column (net, gross, the deductions or the base) row by
       row — the column's amounts in the rows' order with "+" (noughts left out, a figure keyed wrong and taken back
       with "-" on some), the cleared register "0.00 *" at the head, the sum with "*" or "T" (the column's total) and
       the number of items on some, a decimal point or comma, lines closer than the table's —, a column of figures,
       their sum and labels of their own right of the table's last column (none a field or row of the truth; never
       over a typed string); the ЕГН on three of four layouts (null in the truth on the fourth), itemised deductions on
       two, a signature column on three; the sheet's "Всичко" the truth's totals; on a flatbed with the tapes on it
       (their soft shadows, their paper whiter or yellower, the staple), a little turned, grey at 300 dpi or colour at
       200, an A3 sheet grey at 200 (under ~5 MB); its switches, words and drawing are in samples/family_as.py (its
       docstring says what it draws).
    AT held out from its making in session 43 (2026-12-08, helper s53-famat; made before anything was tuned on AS; no
       page of it read by the reader, any seed) to its one measurement by the lead (seed 2069; dev seeds 38001-38040):
       the monthly payroll of 1980-1996 of an employer that closed without a successor (a glass works, a town's
       communal services enterprise, a woodworking combine, a district post office, a brick and tile works, a
       co-operative farm; Толбухин, Станке Димитров and Михайловград renamed in their years), typed on an office
       typewriter with a standard carriage (fonts-nanum's NanumMyeongjo cut to 10 or 12 to the inch, 15 where need be;
       a black or violet ribbon), ruled in ink: the table too wide for one upright A4 sheet TYPED ON TWO A4 SHEETS JOINED
       SIDE BY SIDE, each typed on its own — the left one the employer, title, period and the pay (row number, name, the
       ЕГН on three of four layouts, the post, the days, base, additional pay, gross), the right one a line of its own
       ("(продължение)"), the SAME PEOPLE AGAIN in the same order (the row number again, the surname or initials again
       on two layouts, gross carried over on one: no truth), the itemised deductions on two layouts or their total, net,
       the signature; each sheet its own "Всичко" (the truth's totals between them) —, THE HALVES OF A PERSON'S LINE NOT
       LEVEL (the right sheet's rows up to a row and a half above or below the left's, turned up to half a degree; on a
       third of the files typed on another machine, NanumGothicCoding, its line feed a few per cent off, the halves
       drifting apart down the sheet); a truth row the left and right line of one number (its box round both); the
       sheets glued (an overlap, the glue's band), taped from behind or laid loose side by side on an A3 flatbed, a
       little turned, grey at 200 dpi (under ~5 MB); its switches, words and drawing are in samples/family_at.py (its
       docstring says what it draws).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from archive_core.egn import days_in_month as egn_days_in_month
from archive_core.records import MONEY_FIELDS

from . import (
    data,
    family_aa,
    family_ab,
    family_ac,
    family_ad,
    family_ae,
    family_af,
    family_ag,
    family_ah,
    family_ai,
    family_aj,
    family_ak,
    family_al,
    family_am,
    family_an,
    family_ao,
    family_ap,
    family_aq,
    family_ar,
    family_as,
    family_at,
    family_q,
    family_r,
    family_s,
    family_t,
    family_u,
    family_v,
    family_w,
    family_x,
    family_y,
    family_z,
)
from .content import EmployerFile, SheetContent, cents, working_days
from .render import FONT_DIR, Style

FAMILIES = ("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V",
            "W", "X", "Y", "Z", "AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "AI", "AJ",
            "AK", "AL", "AM", "AN", "AO", "AP", "AQ", "AR", "AS", "AT")

# Deduction columns a sheet may itemise before its total (not payroll-page/1 fields: their sum is
# `deductions`).
DEDUCTION_PARTS: dict[str, tuple[str, ...]] = {
    "tax": ("Данък", "Данък\nвърху\nзаплата", "ДОД"),
    "insurance": ("ДОО", "Осигу-\nровки", "Фонд\nпенсии"),
    "advance": ("Аванс", "Взет\nаванс"),
    "union_fee": ("Профс.\nчленски\nвнос", "Синд.\nвнос"),
}
PART_WEIGHT = 1.2

HEADINGS_MULTI: dict[str, tuple[str, ...]] = {
    "row": ("№\nпо ред", "№\nпо\nред", "По\nред\n№"),
    "egn": ("ЕГН", "Единен\nграждански\nномер", "ЕГН\nна\nработника"),
    "name": ("Име, презиме\nи фамилия", "Трите имена\nна\nработника", "Име, презиме,\nфамилия"),
    "position": ("Длъжност", "Длъж-\nност", "Заемана\nдлъжност"),
    "days_worked": ("Отработени\nдни", "Отра-\nботени\nдни", "Брой\nраб.\nдни"),
    "base_pay": ("Основна\nзаплата", "Основно\nтрудово\nвъзнаграждение", "Заплата\nпо\nщат"),
    "extra_pay": ("Допълнително\nвъзнаграждение", "Добавки\nи\nпремии", "Други\nвъзнагр."),
    "gross_pay": ("Всичко\nначислено", "Брутно\nтрудово\nвъзнаграждение", "Общо\nначислено"),
    "deductions": ("Всичко\nудръжки", "Общо\nудръжки", "Удръжки\nвсичко"),
    "net_pay": ("Сума за\nполучаване", "Чиста\nсума\nза получаване", "За\nизплащане"),
    "signature": ("Подпис", "Подпис\nна\nполучателя", "Разпис-\nка"),
}

# Column orders of the new families ("parts" stands for the itemised deduction columns, if any).
FAMILY_LAYOUTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "B": (
        ("row", "name", "egn", "position", "days_worked", "base_pay", "gross_pay", "deductions", "net_pay",
         "signature"),
        ("row", "egn", "name", "days_worked", "base_pay", "gross_pay", "deductions", "net_pay", "signature"),
        ("row", "name", "egn", "days_worked", "gross_pay", "deductions", "net_pay", "signature"),
    ),
    "C": (
        ("row", "name", "egn", "days_worked", "base_pay", "extra_pay", "gross_pay", "parts", "deductions",
         "net_pay"),
        ("row", "egn", "name", "position", "gross_pay", "parts", "deductions", "net_pay", "signature"),
        ("row", "name", "position", "egn", "days_worked", "gross_pay", "parts", "deductions", "net_pay"),
    ),
    "E": (
        ("row", "egn", "name", "position", "days_worked", "extra_pay", "base_pay", "gross_pay", "deductions",
         "net_pay", "signature"),
        ("row", "name", "position", "egn", "days_worked", "base_pay", "extra_pay", "gross_pay", "parts",
         "deductions", "net_pay", "signature"),
        ("row", "egn", "name", "gross_pay", "deductions", "net_pay", "days_worked", "signature"),
        ("row", "name", "egn", "base_pay", "gross_pay", "parts", "deductions", "net_pay", "signature"),
    ),
    "F": (
        ("row", "name", "egn", "base_pay", "extra_pay", "gross_pay", "net_pay", "deductions", "days_worked",
         "signature"),
        ("row", "egn", "position", "name", "base_pay", "gross_pay", "parts", "deductions", "net_pay",
         "days_worked"),
        ("row", "name", "egn", "days_worked", "gross_pay", "net_pay", "deductions", "signature"),
        ("row", "egn", "name", "position", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay",
         "days_worked", "signature"),
    ),
    "G": (
        ("row", "name", "position", "egn", "gross_pay", "deductions", "net_pay", "days_worked"),
        ("row", "egn", "name", "days_worked", "extra_pay", "base_pay", "gross_pay", "parts", "deductions",
         "net_pay", "signature"),
        ("row", "name", "egn", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay", "days_worked",
         "signature"),
        ("row", "egn", "name", "position", "days_worked", "base_pay", "gross_pay", "deductions", "net_pay",
         "signature"),
    ),
    "H": (
        ("row", "position", "name", "egn", "days_worked", "base_pay", "extra_pay", "gross_pay", "parts",
         "deductions", "net_pay", "signature"),
        ("row", "name", "egn", "days_worked", "base_pay", "gross_pay", "deductions", "net_pay"),
        ("row", "egn", "name", "base_pay", "extra_pay", "gross_pay", "parts", "deductions", "net_pay",
         "days_worked", "signature"),
        ("row", "name", "egn", "position", "gross_pay", "deductions", "net_pay", "signature"),
    ),
    "I": (
        ("row", "egn", "name", "position", "base_pay", "extra_pay", "gross_pay", "parts", "deductions", "net_pay",
         "days_worked"),
        ("row", "name", "position", "egn", "days_worked", "gross_pay", "parts", "deductions", "net_pay", "signature"),
        ("row", "name", "egn", "days_worked", "base_pay", "extra_pay", "gross_pay", "net_pay", "deductions",
         "signature"),
        ("row", "egn", "name", "days_worked", "gross_pay", "deductions", "net_pay", "signature"),
    ),
    "J": (
        ("row", "tab_no", "name", "egn", "days_worked", "hours", "base_pay", "extra_pay", "gross_pay", "deductions",
         "net_pay", "signature"),
        ("row", "egn", "tab_no", "name", "position", "hours", "days_worked", "gross_pay", "parts", "deductions",
         "net_pay"),
        ("row", "name", "tab_no", "egn", "hours", "base_pay", "gross_pay", "deductions", "net_pay", "signature"),
        ("row", "tab_no", "egn", "name", "days_worked", "base_pay", "extra_pay", "gross_pay", "net_pay",
         "deductions", "hours"),
    ),
    "K": (
        ("row", "egn", "name", "class_pct", "days_worked", "base_pay", "extra_pay", "gross_pay", "deductions",
         "net_pay", "signature"),
        ("row", "name", "egn", "days_worked", "rate", "gross_pay", "deductions", "parts", "net_pay"),
        ("row", "name", "egn", "rate", "days_worked", "base_pay", "extra_pay", "gross_pay", "deductions",
         "net_pay"),
        ("row", "name", "egn", "class_pct", "days_worked", "gross_pay", "deductions", "parts", "net_pay",
         "signature"),
        ("row", "egn", "name", "days_worked", "base_pay", "gross_pay", "net_pay", "deductions", "rate"),
    ),
    # L: the ЕГН at the far right, the row number at the far right, days after the money, net pay before
    # the deductions ("parts" may get a court order's column, "court", besides the four of the others)
    "L": (
        ("row", "name", "days_worked", "base_pay", "extra_pay", "gross_pay", "parts", "deductions", "net_pay",
         "signature", "egn"),
        ("name", "egn", "gross_pay", "parts", "deductions", "net_pay", "days_worked", "row"),
        ("row", "egn", "name", "position", "base_pay", "extra_pay", "gross_pay", "net_pay", "parts", "deductions",
         "signature"),
        ("row", "name", "egn", "days_worked", "gross_pay", "parts", "deductions", "net_pay"),
        ("egn", "name", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay", "days_worked", "signature",
         "row"),
        ("row", "name", "position", "base_pay", "extra_pay", "gross_pay", "parts", "deductions", "net_pay", "egn"),
    ),
    # M: the position beside the name (ditto marks down it), the month's hours beside the days, a bonus
    # ("Премия") as the additional pay
    "M": (
        ("row", "name", "position", "egn", "days_worked", "hours", "base_pay", "extra_pay", "gross_pay", "deductions",
         "net_pay", "signature"),
        ("row", "position", "name", "egn", "days_worked", "base_pay", "extra_pay", "gross_pay", "parts", "deductions",
         "net_pay"),
        ("row", "egn", "name", "position", "hours", "days_worked", "gross_pay", "deductions", "net_pay", "signature"),
        ("row", "name", "egn", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"),
        ("row", "egn", "name", "days_worked", "hours", "base_pay", "extra_pay", "gross_pay", "parts", "deductions",
         "net_pay", "signature"),
    ),
    # N: the days before the ЕГН on some, the net pay before the deductions on one, the signature column (the
    # cashier's stamp) last
    "N": (
        ("row", "egn", "name", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "parts", "deductions",
         "net_pay", "signature"),
        ("row", "name", "egn", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "net_pay", "deductions",
         "signature"),
        ("row", "name", "days_worked", "egn", "base_pay", "gross_pay", "parts", "deductions", "net_pay"),
        ("row", "egn", "name", "days_worked", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay",
         "signature"),
        ("row", "name", "position", "days_worked", "egn", "base_pay", "extra_pay", "gross_pay", "deductions",
         "net_pay", "signature"),
    ),
    # O: the position first after the number on one, the ЕГН after the days on another, the extra pay
    # after the gross on none (a works' payroll: base, extra, gross in that order)
    "O": (
        ("row", "name", "egn", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "parts",
         "deductions", "net_pay", "signature"),
        ("row", "position", "name", "egn", "days_worked", "base_pay", "gross_pay", "deductions", "net_pay",
         "signature"),
        ("row", "name", "days_worked", "egn", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"),
        ("row", "egn", "name", "days_worked", "base_pay", "extra_pay", "gross_pay", "parts", "deductions",
         "net_pay"),
        ("row", "name", "egn", "days_worked", "gross_pay", "parts", "deductions", "net_pay", "signature"),
    ),
    "D": (
        ("row", "name", "egn", "days_worked", "base_pay", "gross_pay", "parts", "deductions", "net_pay",
         "signature"),
        ("row", "egn", "name", "days_worked", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"),
        ("row", "name", "egn", "position", "days_worked", "gross_pay", "deductions", "net_pay", "signature"),
    ),
}  # fmt: skip

FAMILY_FONTS: dict[str, tuple[tuple[str, bool], ...]] = {
    "B": (
        ("gnutypewriter/GNUTypewriter.ttf", True), ("cmu/cmunvt.ttf", True), ("freefont/FreeMonoBold.ttf", True),
        ("liberation/LiberationMono-Bold.ttf", True), ("paratype/PTM55F.ttf", True), ("cmu/cmuntt.ttf", True),
    ),
    "C": (
        ("freefont/FreeSerif.ttf", False), ("liberation/LiberationSerif-Regular.ttf", False),
        ("liberation/LiberationSansNarrow-Regular.ttf", False), ("paratype/PTN57F.ttf", False),
        ("dejavu/DejaVuSerifCondensed.ttf", False), ("dejavu/DejaVuSansCondensed.ttf", False),
    ),
}  # fmt: skip
FAMILY_FONTS["D"] = FAMILY_FONTS["B"] + FAMILY_FONTS["C"] + (("cmu/cmunorm.ttf", False),)
# Family E's faces by kind; none of them is drawn by A, B, C or D.
E_FACES: dict[str, tuple[str, ...]] = {
    "typewriter": ("paratype/PTM75F.ttf", "cmu/cmuntb.ttf", "cmu/cmunbtl.ttf", "cmu/cmunst.ttf",
                   "dejavu/DejaVuSansMono-Bold.ttf", "liberation/LiberationMono-Italic.ttf"),
    "print": ("paratype/PTZ55F.ttf", "paratype/PTC55F.ttf", "cmu/cmunbmr.ttf", "cmu/cmunss.ttf",
              "cmu/cmunssdc.ttf", "paratype/PTF75F.ttf", "liberation/LiberationSerif-Bold.ttf"),
    "dot_matrix": ("dejavu/DejaVuSansMono-Bold.ttf", "paratype/PTM75F.ttf", "cmu/cmuntb.ttf"),
}  # fmt: skip
# Family F's faces (held out): none of them is drawn by A-E.
F_FACES: dict[str, tuple[str, ...]] = {
    "typewriter": ("freefont/FreeMonoOblique.ttf", "freefont/FreeMonoBoldOblique.ttf",
                   "liberation/LiberationMono-BoldItalic.ttf", "dejavu/DejaVuSansMono-Oblique.ttf",
                   "cmu/cmunit.ttf"),
    "print": ("paratype/PTS75F.ttf", "paratype/PTN77F.ttf", "paratype/PTF56F.ttf", "paratype/PTS56F.ttf",
              "liberation/LiberationSans-Bold.ttf", "liberation/LiberationSansNarrow-Bold.ttf",
              "dejavu/DejaVuSans.ttf", "freefont/FreeSerifBold.ttf", "dejavu/DejaVuSerif-Bold.ttf",
              "cmu/cmunbx.ttf", "cmu/cmunsx.ttf"),
}  # fmt: skip
# Family G's faces (held out): none of them is drawn by A-F.
G_FACES: dict[str, tuple[str, ...]] = {
    "typewriter": ("cmu/cmuntx.ttf", "cmu/cmunvi.ttf", "cmu/cmunbto.ttf", "dejavu/DejaVuSansMono-BoldOblique.ttf"),
    "print": ("paratype/PTC75F.ttf", "paratype/PTS76F.ttf", "paratype/PTZ56F.ttf", "freefont/FreeSansBold.ttf",
              "liberation/LiberationSerif-Italic.ttf", "cmu/cmunbsr.ttf", "dejavu/DejaVuSerifCondensed-Bold.ttf",
              "liberation/LiberationSansNarrow-Italic.ttf"),
    "dot_matrix": ("dejavu/DejaVuSansCondensed-Bold.ttf", "cmu/cmunbbx.ttf"),
}  # fmt: skip
# Family H's faces (held out from session 4 on): none of them is drawn by A-G. No monospaced face is
# left, so its "typewriter" files are bold and slanted faces under the typewriter's uneven ink.
H_FACES: dict[str, tuple[str, ...]] = {
    "typewriter": ("cmu/cmunobx.ttf", "cmu/cmunrb.ttf", "dejavu/DejaVuSans-Bold.ttf", "cmu/cmunbl.ttf"),
    "print": ("cmu/cmunsl.ttf", "dejavu/DejaVuSans-Oblique.ttf", "liberation/LiberationSans-Italic.ttf",
              "freefont/FreeSansOblique.ttf", "paratype/PTF76F.ttf", "dejavu/DejaVuSerif-Italic.ttf",
              "cmu/cmunsi.ttf", "cmu/cmunui.ttf"),
    "dot_matrix": ("dejavu/DejaVuSansCondensed-Oblique.ttf", "cmu/cmunso.ttf"),
}  # fmt: skip
# Family I's faces (held out from session 5 on, made before anything was tuned on H): none drawn by A-H.
I_FACES: dict[str, tuple[str, ...]] = {
    "typewriter": ("cmu/cmunobi.ttf", "cmu/cmunbxo.ttf", "liberation/LiberationSerif-BoldItalic.ttf"),
    "print": ("cmu/cmunti.ttf", "cmu/cmunci.ttf", "dejavu/DejaVuSerifCondensed-Italic.ttf", "freefont/FreeSerifItalic.ttf",
              "liberation/LiberationSans-BoldItalic.ttf", "freefont/FreeSansBoldOblique.ttf", "cmu/cmunbmo.ttf"),
    "dot_matrix": ("dejavu/DejaVuSansCondensed-BoldOblique.ttf", "liberation/LiberationSansNarrow-BoldItalic.ttf"),
}  # fmt: skip
# Family J's files typed in a large face: a small office's few columns on a printed form (its headings
# in small print), or the figures would not fit the page at that size.
J_LAYOUTS_LARGE: tuple[tuple[str, ...], ...] = (
    ("row", "tab_no", "name", "egn", "hours", "gross_pay", "deductions", "net_pay"),
    ("row", "name", "tab_no", "egn", "days_worked", "hours", "gross_pay", "deductions", "net_pay"),
    ("row", "egn", "tab_no", "name", "hours", "gross_pay", "deductions", "net_pay"),
)
# Family J's faces (held out from session 7 on, made before anything was tuned on I): none drawn by A-I.
J_FACES: dict[str, tuple[str, ...]] = {
    "typewriter": ("cmu/cmunoti.ttf", "cmu/cmunbi.ttf", "dejavu/DejaVuSerif-BoldItalic.ttf"),
    "print": ("dejavu/DejaVuSerifCondensed-BoldItalic.ttf", "dejavu/DejaVuSans-ExtraLight.ttf",
              "freefont/FreeSerifBoldItalic.ttf", "cmu/cmunbso.ttf"),
    "dot_matrix": ("dejavu/DejaVuSans-BoldOblique.ttf",),
}  # fmt: skip
# Family K's faces (held out from session 15 on): none drawn by A-J, from font packages none of them
# uses (fonts-anonymous-pro, fonts-go, fonts-crosextra-carlito, fonts-oldstandard; scripts/setup.sh).
K_FACES: dict[str, tuple[str, ...]] = {
    "typewriter": ("anonymous-pro/Anonymous Pro.ttf", "anonymous-pro/Anonymous Pro B.ttf", "../fonts-go/Go-Mono.ttf",
                   "../fonts-go/Go-Mono-Bold.ttf"),
    "print": ("crosextra/Carlito-Regular.ttf", "crosextra/Carlito-Bold.ttf", "fonts-oldstandard/OldStandard-Regular.ttf",
              "fonts-oldstandard/OldStandard-Bold.ttf", "../fonts-go/Go-Regular.ttf", "../fonts-go/Go-Medium.ttf"),
    "dot_matrix": ("anonymous-pro/Anonymous Pro Minus.ttf", "../fonts-go/Go-Mono-Italic.ttf"),
}  # fmt: skip
K_SIZES: dict[str, tuple[int, int]] = {"typewriter": (36, 44), "print": (29, 34), "dot_matrix": (34, 40)}
# Family L's faces (held out from session 16 on): none drawn by A-K, from font packages none of them uses
# (fonts-urw-base35: the Courier of the office typewriters and the print faces of the PostScript printers,
# fonts-sil-gentiumplus, fonts-noto-mono; scripts/setup.sh).
_URW = "../opentype/urw-base35/"
L_FACES: dict[str, tuple[str, ...]] = {
    "typewriter": (_URW + "NimbusMonoPS-Regular.otf", _URW + "NimbusMonoPS-Bold.otf", "noto/NotoSansMono-Regular.ttf"),
    "print": (_URW + "C059-Roman.otf", _URW + "P052-Roman.otf", _URW + "URWBookman-Light.otf",
              _URW + "NimbusSansNarrow-Regular.otf", _URW + "NimbusRoman-Regular.otf", _URW + "URWGothic-Book.otf",
              "gentiumplus/GentiumPlus-Regular.ttf", "gentiumplus/GentiumBookPlus-Regular.ttf"),
    "dot_matrix": ("noto/NotoSansMono-Bold.ttf", "noto/NotoMono-Regular.ttf", _URW + "NimbusMonoPS-Bold.otf"),
}  # fmt: skip
L_SIZES: dict[str, tuple[int, int]] = {"typewriter": (38, 46), "print": (28, 35), "dot_matrix": (34, 41)}
# Family L's employers: the name, then its town after a comma on the same line (the truth is as printed)
L_EMPLOYERS = (
    ("ДЗС „Васил Левски“", "с. Ковачевица"), ("Завод за фаянс „Изгрев“", "гр. Каспичан"),
    ("ПК „Напред“", "с. Дебелец"), ("Кооперативен пазар", "гр. Елена"), ("Автобаза „Балкан“", "гр. Тетевен"),
    ("ДФ „Винпром“", "гр. Сухиндол"), ("ТПК „Христо Ботев“", "гр. Котел"), ("Горско стопанство", "гр. Берковица"),
    ("ЕТ „Кремена – Д. Тодорова“", "гр. Дряново"), ("„Стъкларски завод“ АД", "гр. Нови пазар"),
    ("Хлебозавод „Житница“", "гр. Луковит"), ("ТКЗС „Червено знаме“", "с. Мокреш"),
)  # fmt: skip
L_ADDRESSES = (
    "ул. „Г. Бенковски“ № 14", "бул. „Ленин“ 3, тел. 2-41-18", "п.к. 5300, ул. „Раковски“ 7",
    "ж.к. „Изток“, бл. 12", "ул. „Васил Априлов“ № 2, ет. 1",
)  # fmt: skip
# the labels over runs of columns (a heading cell merged across them) and the short words under them
L_GROUPS = {
    "deductions": ("Удръжки", "У д р ъ ж к и", "УДРЪЖКИ"),
    "pay": ("Начислено възнаграждение", "В ъ з н а г р а ж д е н и е", "Начислено"),
}
L_UNDER_GROUP: dict[str, tuple[str, ...]] = {
    "base_pay": ("Основна", "Заплата"), "extra_pay": ("Допълн.", "Други"), "gross_pay": ("Всичко", "Общо"),
    "tax": ("Данък", "ДОД"), "insurance": ("ДОО", "Пенсии"), "advance": ("Аванс",), "union_fee": ("Синд.", "КНСБ"),
    "court": ("Запор",), "deductions": ("Всичко", "Общо", "Сума"),
}  # fmt: skip
L_TOTAL_WORDS = ("Общо:", "Всичко по ведомостта:", "О б щ о", "Сума:")
L_CARRY_IN = ("Пренос", "Пренос от лист", "Пренесено от предх. лист")
L_CARRY_OUT = ("Пренася се", "Да се пренесе", "Пренос за следв. лист")
# the narrow (half) space a typist put between the thousands on a machine with a half-space key
NARROW = "\u202f"
# the bodies a K employer answered to (printed above its name, never part of it)
PARENTS = (
    "Министерство на земеделието и хранителната промишленост", "Национален аграрно-промишлен съюз",
    "Министерство на строителството и архитектурата", "Окръжен народен съвет – Ловеч",
    "ДСО „Млечна промишленост“ – София", "Министерство на търговията",
)  # fmt: skip
ROMAN = data.ROMAN
# Sizes none of the others draws (they span 26-54): a large typewriter ball, small print.
J_SIZES: dict[str, tuple[int, int]] = {"typewriter": (55, 60), "print": (22, 25), "dot_matrix": (55, 58)}
I_SIZES: dict[str, tuple[int, int]] = {"typewriter": (40, 50), "print": (27, 37), "dot_matrix": (33, 42)}
H_SIZES: dict[str, tuple[int, int]] = {"typewriter": (42, 52), "print": (28, 36), "dot_matrix": (32, 40)}
G_SIZES: dict[str, tuple[int, int]] = {"typewriter": (38, 50), "print": (26, 40), "dot_matrix": (34, 44)}
F_SIZES: dict[str, tuple[int, int]] = {"typewriter": (40, 47), "print": (30, 38)}
E_SIZES: dict[str, tuple[int, int]] = {"typewriter": (48, 54), "print": (27, 33), "dot_matrix": (36, 42)}

# Family E's headings: other words for the same columns (and the itemised deductions).
HEADINGS_E: dict[str, tuple[str, ...]] = {
    "row": ("№", "Пор.\n№", "Ред\n№"),
    "egn": ("Е Г Н", "ЕГН на\nлицето", "Ед. гр.\nномер"),
    "name": ("Собствено, бащино\nи фамилно име", "Име\nи фамилия", "Служител"),
    "position": ("Професия", "Длъжност /\nпрофесия", "Специалност"),
    "days_worked": ("Раб.\nдни", "Дни", "Отраб.\nвреме\n(дни)"),
    "base_pay": ("Заплата", "Основно\nвъзнагр.", "Тарифна\nзаплата"),
    "extra_pay": ("Прослужено\nвреме и\nдобавки", "Премии", "Допълн.\nвъзнагр."),
    "gross_pay": ("Начислено", "Всичко\nза месеца", "Брутна\nсума"),
    "deductions": ("Удръжки", "Всичко\nудържано", "Сума на\nудръжките"),
    "net_pay": ("За\nполучаване", "Остатък\nза получаване", "Получава"),
    "signature": ("Получил", "Подпис на\nполучателя", "Получил\n(подпис)"),
    "tax": ("Данък\nобщ доход", "ДОД\n(данък)"),
    "insurance": ("Осиг.\nвноска", "Пенсионен\nфонд"),
    "advance": ("Полу-\nчен\nаванс", "Аванс\nза месеца"),
    "union_fee": ("Член-\nски\nвнос", "Синдикат"),
}

# Family F's headings: words none of the others uses.
HEADINGS_F: dict[str, tuple[str, ...]] = {
    "row": ("№ по\nред", "Пореден\nномер", "№\nп/р"),
    "egn": ("ЕГН\nна служителя", "Граждански\nномер", "ЕГН"),
    "name": ("Фамилия, име\nи презиме", "Име на\nработника", "Лице"),
    "position": ("Работно\nмясто", "Длъжност", "Категория"),
    "days_worked": ("Отработени\nработни дни", "Явявания\n(дни)", "Дни\nна работа"),
    "base_pay": ("Основно\nвъзнаграждение", "Щатна\nзаплата", "Заработка"),
    "extra_pay": ("Добавки", "Клас\nпрослужено", "Премии и\nдобавки"),
    "gross_pay": ("Брутно", "Общо\nвъзнаграждение", "Сума\nначислена"),
    "deductions": ("Общо\nудръжки", "Удържано", "Удръжки"),
    "net_pay": ("Нето", "Сума за\nизплащане", "Чиста\nсума"),
    "signature": ("Подпис", "Разписка\nза получаване", "Получих"),
    "tax": ("Данък", "Подоходен\nданък"),
    "insurance": ("Осигуровки", "Вноска\nДОО"),
    "advance": ("Аванс", "Изплатен\nаванс"),
    "union_fee": ("Профсъюз",),
}

# Family G's headings: words none of the others uses.
HEADINGS_G: dict[str, tuple[str, ...]] = {
    "row": ("Ред", "№\nна реда", "Пор.\nред"),
    "egn": ("ЕГН\nна лицето", "Е.Г.Н.", "ЕГН на\nработещия"),
    "name": ("Трите имена", "Работник /\nслужител", "Име, презиме\nфамилия"),
    "position": ("Длъжност\nпо щат", "Работа", "Квалифи-\nкация"),
    "days_worked": ("Работни\nдни", "Отраб.\nдни", "Дни\nприсъствие"),
    "base_pay": ("Основна\nработна\nзаплата", "Възна-\nграждение", "Основна\nсума"),
    "extra_pay": ("Добавка\nза стаж", "Други\nдобавки", "Надбавки"),
    "gross_pay": ("Всичко\nвъзнаграждение", "Брутна\nзаплата", "Общо\nбрутно"),
    "deductions": ("Удръжки\nобщо", "Всичко\nудръжки\nза месеца", "Удръжки\n(всичко)"),
    "net_pay": ("Нетна\nсума", "Остава\nза плащане", "Сума\nза раздаване"),
    "signature": ("Подпис\nна лицето", "Получил\nсумата", "Подпис за\nполучаване"),
    "tax": ("Данък\nпо ЗОДФЛ", "Данъци"),
    "insurance": ("Осигур.\nвноски", "Фонд\nДОО"),
    "advance": ("Аванс\nполучен", "Предплата"),
    "union_fee": ("Вноска\nсиндикат", "Профсъюзен\nвнос"),
}

# Family H's headings: words none of the others uses.
HEADINGS_H: dict[str, tuple[str, ...]] = {
    "row": ("№\nпо\nсписък", "Номер", "№ на\nлицето"),
    "egn": ("ЕГН\n(10 цифри)", "Граждански\nномер\nна лицето", "ЕГН\nработник"),
    "name": ("Име и\nфамилия на\nработника", "Трите имена\nна лицето", "Назначен"),
    "position": ("Длъжност\nи разряд", "Длъжност /\nработа", "Разряд"),
    "days_worked": ("Изработени\nдни", "Дни\nотработени", "Присъст-\nвени дни"),
    "base_pay": ("Заплата\nпо договор", "Основно\nвъзна-\nграждение", "Тарифна\nставка"),
    "extra_pay": ("Увеличения\nи добавки", "Доплащания", "Други\nначисления"),
    "gross_pay": ("Всичко\nначислено\nза месеца", "Начислена\nсума", "Брутно\nвъзнаграждение"),
    "deductions": ("Общо\nудържано", "Всичко\nудръжки\n(лв.)", "Удръжки\nобщо (лв.)"),
    "net_pay": ("Чиста сума\nза получаване", "Полага се\nза получаване", "Сума\nза изплащане\n(лв.)"),
    "signature": ("Подпис\nна работника", "Разписка", "Получих\nсумата"),
    "tax": ("Данък\nвърху доходите", "ДОД\n(лв.)"),
    "insurance": ("Осигурителни\nвноски", "ДОО\n(лв.)"),
    "advance": ("Аванс\nизплатен", "Взет\nаванс\n(лв.)"),
    "union_fee": ("Синдикален\nвнос", "Членски\nвнос (лв.)"),
}

# Family I's headings: words none of the others uses.
HEADINGS_I: dict[str, tuple[str, ...]] = {
    "row": ("Пор.\nномер", "№\nпо ред\nв списъка", "Ред\nпо\nсписък"),
    "egn": ("ЕГН на\nосигурения", "Единен граждански\nномер (ЕГН)", "ЕГН\nосигурен"),
    "name": ("Осигурено\nлице", "Име, презиме\nи фамилия\nна осигурения", "Собствено и\nфамилно име"),
    "position": ("Заемана\nдлъжност\nили работа", "Щатна\nбройка", "Длъжност\n(работа)"),
    "days_worked": ("Дни в\nосигуряване", "Отработено\nвреме", "Дни\nтруд"),
    "base_pay": ("Основно\nтрудово\nвъзн.", "Заплата\nосновна", "Основна\nзаплата\nпо щат"),
    "extra_pay": ("Допълнителни\nвъзнагр.", "Прослужени\nгодини", "Извънреден\nтруд и\nдобавки"),
    "gross_pay": ("Общо\nвъзнагр.", "Всичко\nначислени\nсуми", "Облагаем\nдоход"),
    "deductions": ("Общо\nудръжки\nза лицето", "Удържани\nсуми", "Сума\nудръжки"),
    "net_pay": ("За\nполучаване\n(нето)", "Нетно\nвъзнаграждение", "Чисто\nза получаване"),
    "signature": ("Подпис\nна осигурения", "Получил:\n(подпис)", "Разписал\nсе"),
    "tax": ("Данък\nпо ЗОДФЛ\n(лв.)", "Удържан\nданък"),
    "insurance": ("Лични\nвноски", "Осигур.\nвноска\nна лицето"),
    "advance": ("Изплатен\nаванс\nза месеца", "Аванси"),
    "union_fee": ("Профсъюзен\nчленски\nвнос", "Синдикален\nчленски внос"),
}

# Family J's headings: words none of the others uses, and its two columns that are no payroll-page/1 field.
HEADINGS_J: dict[str, tuple[str, ...]] = {
    "row": ("№ по\nведомост", "Ред.\n№", "№\nв ред"),
    "tab_no": ("Таб. №", "Таб.\nномер", "Табелен\n№"),
    "egn": ("ЕГН на\nработника /\nслужителя", "ЕГН (лично\nчисло)", "Ед.гр.\nномер"),
    "name": ("Презиме,\nиме, фамилия", "Работник\n(трите имена)", "Име на\nзаетия"),
    "position": ("Длъжност\nпо ЕКДП", "Вид\nработа", "Длъжност /\nразряд"),
    "days_worked": ("Отраб.\nработни\nдни", "Дни\nработил", "Работни\nдни (бр.)"),
    "hours": ("Отработени\nчасове", "Часове", "Изработени\nчасове"),
    "base_pay": ("Основна\nзаплата\nза дните", "Заработена\nзаплата", "Тарифно\nвъзнагр."),
    "extra_pay": ("Доплащане\nи премии", "Извънреден\nтруд", "Надбавка\nза стаж"),
    "gross_pay": ("Всичко\nбрутно", "Начислено\nвсичко", "Брутна сума\nза месеца"),
    "deductions": ("Удръжки\nвсичко\n(лв.)", "Общо\nудържано\nот лицето", "Удръжки\nза месеца"),
    "net_pay": ("Чиста\nзаплата", "За раздаване", "Подлежи на\nизплащане"),
    "signature": ("Подпис\nза получено", "Подпис на\nработника", "Получил\n(разписка)"),
    "tax": ("Данък\nобщ\nдоход", "Данък\n(лв.)"),
    "insurance": ("Вноска за\nпенсия", "Осиг.\nвноски\n(лв.)"),
    "advance": ("Аванс\n(лв.)", "Получен\nаванс"),
    "union_fee": ("Синдикат\n(лв.)", "Членски\nвнос\nсиндикат"),
}

# Family K's headings: words none of the others uses, and its two columns that are no payroll-page/1 field.
HEADINGS_K: dict[str, tuple[str, ...]] = {
    "row": ("№\nпо\nред.", "Пор.\n№\nна\nлицето", "Ред.\nбр."),
    "egn": ("ЕГН\nна\nлицето", "Единен\nгражд.\nномер", "ЕГН\n(лично\nчисло)"),
    "name": ("Фамилия, собствено\nи бащино име", "Фамилно, собствено\nи бащино име", "Име\nна\nработещия"),
    "position": ("Длъжност\nили\nпрофесия", "Професия /\nдлъжност"),
    "days_worked": ("Отработени\nдни\nпрез\nмесеца", "Дни\nна\nработа\n(бр.)", "Изработени\nработни\nдни"),
    "rate": ("Дневна\nставка", "Ставка\nна ден\n(лв.)", "Надник"),
    "class_pct": ("Клас\n%", "Процент\nза клас", "Клас\nза\nстаж"),
    "base_pay": ("Заработено\nпо\nставка", "Основно\nвъзнаграждение\nза месеца", "Заплата\nза\nотработеното"),
    "extra_pay": ("Клас,\nпремии,\nдобавки", "Сума за\nклас и\nдобавки", "Допълни-\nтелно\nначислено"),
    "gross_pay": ("Всичко\nначислено\nвъзнаграждение", "Сума\nвсичко\nначислено", "Общо\nзаработено"),
    "deductions": ("Всичко\nудържано\nот заплатата", "Общо\nудръжки\nот лицето", "Сума на\nвсички\nудръжки"),
    "net_pay": ("Остатък\nза\nизплащане", "Сума за\nраздаване\n(лв.)", "Чисто\nза\nраздаване"),
    "signature": ("Подпис\nна\nполучилия", "Получих\nсумата\n(подпис)"),
    "tax": ("Данък\nобщ\nдоход\n(ДОД)", "Удържан\nДОД"),
    "insurance": ("Осигу-\nрителни\nвноски\nот лицето", "Вноска\nфонд\n„Пенсии“"),
    "advance": ("Аванс\nза\nпърва\nполовина", "Получен\nаванс\n(лв.)"),
    "union_fee": ("Членски\nвнос\nКНСБ", "Вноска\nза\nпрофсъюза"),
}

# Family L's headings: words none of the others uses, and its court order's column.
HEADINGS_L: dict[str, tuple[str, ...]] = {
    "row": ("Пореден\n№", "№ по ред", "№\nпоред"),
    "egn": ("Личен\nномер\n(ЕГН)", "ЕГН №", "Граждански\nномер (ЕГН)"),
    "name": ("Име, бащино\nи фамилно име", "Работник\nили служител", "Име, презиме\nи фамилно име"),
    "position": ("Длъжност\nпо трудов\nдоговор", "Работно\nмясто /\nдлъжност", "Занятие"),
    "days_worked": ("Отработ.\nдни", "Явил се\n(дни)", "Дни\nот месеца"),
    "base_pay": ("Основна\nзаплата\n(лв.)", "Заплата\nпо\nразписание", "Основно\nза месеца"),
    "extra_pay": ("Допълни-\nтелни\nсуми", "Премии,\nклас", "Прибавки"),
    "gross_pay": ("Начислено\nобщо", "Всичко\nначислени", "Сума\nвсичко"),
    "deductions": ("Всичко\nудържани", "Удръжки\nобщо\n(лв.)", "Общо\nудръжки\nза месеца"),
    "net_pay": ("Сума\nза получ.", "За получаване\nна ръка", "Остава\nда получи"),
    "signature": ("Разписка\nна лицето", "Подпис\nполучател", "Получил\nсумата:"),
    "tax": ("Данък\nвърху\nдоходите", "Д О Д"),
    "insurance": ("Пенсионна\nвноска", "ДОО\n%"),
    "advance": ("Аванс\nпо\nведомост", "Взето\nв аванс"),
    "union_fee": ("Профс.\nвнос", "Синдикат\nКНСБ"),
    "court": ("Запор", "Запори\nи изп.\nлистове", "Съдебни\nудръжки"),
    "sick": ("Болнични\nдни", "Дни\nв болничен", "Неплатен\nи болн.\n(дни)"),
}
# Family M's words (held out from session 17 on): none of the others' headings; the additional pay a bonus
HEADINGS_M: dict[str, tuple[str, ...]] = {
    "row": ("№", "№\nв ред.", "Номер\nпо ред\nв списъка"),
    "egn": ("ЕГН\nна лицето", "Е Г Н", "ЕГН\n(личен №)"),
    "name": ("Фамилия и\nинициали", "Лице", "Име и фамилия\nна работника"),
    "position": ("Професия", "Длъжност /\nпрофесия", "Категория\nперсонал"),
    "days_worked": ("Раб.\nдни", "Дни\nна\nработа", "Дни"),
    "hours": ("Часове", "Отраб.\nчас.", "Раб.\nчасове"),
    "base_pay": ("Тарифна\nзаплата", "Основно\nвъзн.", "Заработка"),
    "extra_pay": ("Премия", "Премии", "Премия\nза месеца"),
    "gross_pay": ("Брутна\nсума", "Всичко\nзаработено", "Брутно\nвъзн."),
    "deductions": ("Удържано", "Удръжки\nвсичко\nлв.", "Сума\nудръжки"),
    "net_pay": ("Чиста\nсума", "Нето\nза\nплащане", "Изплатено"),
    "signature": ("Получих:", "Подпис\nна\nполучилия", "Разпис"),
    "tax": ("Данък\nобщ доход", "Данък", "Удържан\nданък\n(ДОД)"),
    "insurance": ("Соц.\nосигур.", "Осиг.\nвноски"),
    "advance": ("Аванс\nполучен", "Аванс\nза 1-ва\nполовина"),
    "union_fee": ("Член.\nвнос", "Профсъюз"),
}
M_DITTO = ('"', '—"—', '-"-', '„')
M_TOTAL_WORDS = ("Итого:", "ИТОГО", "Сума", "С у м а :", "Итого по ведомостта")
# Family M's faces: from font packages none of A-L uses (fonts-jetbrains-mono, fonts-linuxlibertine;
# scripts/setup.sh)
_JB, _LL = "jetbrains-mono/JetBrainsMono-", "../opentype/linux-libertine/"
M_FACES: dict[str, tuple[str, ...]] = {
    "typewriter": (_JB + "Regular.ttf", _JB + "Medium.ttf", _JB + "Light.ttf"),
    "print": (_LL + "LinLibertine_R.otf", _LL + "LinLibertine_RZ.otf", _LL + "LinBiolinum_R.otf",
              _LL + "LinLibertine_DR.otf", _LL + "LinBiolinum_RB.otf"),
    "dot_matrix": (_JB + "SemiBold.ttf", _JB + "ExtraBold.ttf"),
}  # fmt: skip
M_SIZES: dict[str, tuple[int, int]] = {"typewriter": (37, 45), "print": (29, 36), "dot_matrix": (35, 42)}

# Family N's words (held out from session 18 on): headings contracted the way a form's printer or a
# typist saved room ("Осн. з-та", "Уд-ки"), none of the others' headings
HEADINGS_N: dict[str, tuple[str, ...]] = {
    "row": ("№\nпо р.", "П. №", "№\nна ред"),
    "egn": ("ЕГН", "ЕГН на\nработ.", "Ед. гр.\nн-р"),
    "name": ("Презиме, име\nи фамилия", "Трите имена\nна лицето", "Име, през.,\nфам."),
    "position": ("Длъжн.", "Д-ст", "Длъжност\nили проф."),
    "days_worked": ("Отр.\nдни", "Раб.\nд-ни", "Дни\nотраб."),
    "base_pay": ("Осн. з-та", "Осн.\nзаплата", "Основна\nз-та"),
    "extra_pay": ("Доп. в-ие", "Доп.\nвъзн-е", "Добав.\nи прем."),
    "gross_pay": ("Всичко\nнач-но", "Всичко\nнач.", "Нач-но\nвсичко"),
    "deductions": ("Уд-ки", "Удръжки\nвс.", "Уд-ки\nвсичко"),
    "net_pay": ("За пол-ване", "Остатък\nза изпл.", "За\nпол."),
    "signature": ("Изплатено", "Касиер", "Подпис или\nпечат"),
    "tax": ("Дан.", "Д-к\nДОД"),
    "insurance": ("Осиг.\nв-ка", "ДОО\n3 %"),
    "advance": ("Ав-с", "Аванс\nвзет"),
    "union_fee": ("Чл.\nвнос", "Пр-з"),
}
# Family N's faces: from font packages none of A-M uses (fonts-hack, fonts-fantasque-sans,
# fonts-ebgaramond; scripts/setup.sh)
_FQ, _EB = "fantasque-sans/Normal/TTF/FantasqueSansMono-", "../opentype/ebgaramond/EBGaramond12-"
N_FACES: dict[str, tuple[str, ...]] = {
    "typewriter": ("hack/Hack-Regular.ttf", "hack/Hack-Bold.ttf", _FQ + "Regular.ttf"),
    "print": (_EB + "Regular.otf", _EB + "Italic.otf"),
    "dot_matrix": ("hack/Hack-Italic.ttf", _FQ + "Bold.ttf"),
}  # fmt: skip
N_SIZES: dict[str, tuple[int, int]] = {"typewriter": (38, 46), "print": (30, 37), "dot_matrix": (34, 41)}
N_ZERO = ("—", "х", "-/-")  # what a typist typed for nothing (the truth: 0.00)
N_CURRENCY = (" лв.", "лв.", " лв")
N_DAYS = ("д.", " д.", " дни")
N_TITLES = ("ВЕДОМОСТ ЗА ИЗПЛАТЕНИ ЗАПЛАТИ", "ПЛАТЕЖНА ВЕДОМОСТ ЗА ТРУДОВИ ВЪЗНАГРАЖДЕНИЯ", "Ведомост за работна заплата")
# the keys a worn typewriter strikes faint or off the line
N_KEYS = "аеионострлв0123456789"

# Family O's words (held out from session 11 on): a works' payroll department's, none of the others'
HEADINGS_O: dict[str, tuple[str, ...]] = {
    "row": ("Ред.\nном.", "№ по\nведом.", "Н-р\nпо ред"),
    "egn": ("ЕГН по\nл. карта", "Личен\nномер", "ЕГН на\nслужителя"),
    "name": ("Име, бащино\nи фамилно", "Име на\nработещия", "Работник или\nслужител"),
    "position": ("Профе-\nсия", "Длъжн.\nпо щат", "Катего-\nрия"),
    "days_worked": ("Дни\nявяване", "Явявания\nв дни", "Изработ.\nдни"),
    "base_pay": ("Зара-\nботка", "По\nтарифа", "Основно\nпо тарифа"),
    "extra_pay": ("Сверх-\nурочни", "Надбавки\nза стаж", "Допълн.\nсуми"),
    "gross_pay": ("Сума\nпо ведом.", "Заработено\nвсичко", "Начисл.\nобщо"),
    "deductions": ("Удържано\nобщо", "Удръжки\nпо ведом.", "Удръж.\nвс."),
    "net_pay": ("Чисто\nза получ.", "Сума за\nраздаване", "Остава\nза изпл."),
    "signature": ("Подпис на\nполучилия", "Подпис на\nполучател", "Разписка\nза получ."),
    "tax": ("Данък\nобщ дох.", "ДОД\nудържан"),
    "insurance": ("Осиг.\nфонд", "Пенсии\nи осиг."),
    "advance": ("Аванс\n1-15", "Аванс\nпо списък"),
    "union_fee": ("Синдик.\nчл-внос", "Проф.\nвноска"),
}
# Family O's faces: from font packages none of A-N uses (fonts-firacode, fonts-sil-charis, fonts-sil-andika;
# scripts/setup.sh); the printed form's words in a bold print face of them
O_FACES: dict[str, tuple[str, ...]] = {
    "typewriter": ("firacode/FiraCode-Regular.ttf", "firacode/FiraCode-Medium.ttf", "firacode/FiraCode-Light.ttf"),
    "print": ("charis/CharisSIL-Regular.ttf", "charis/CharisSIL-Italic.ttf", "andika/Andika-Regular.ttf"),
    "dot_matrix": ("firacode/FiraCode-Bold.ttf", "firacode/FiraCode-SemiBold.ttf"),
}  # fmt: skip
O_FORM_FACES = ("charis/CharisSIL-Bold.ttf", "andika/Andika-Bold.ttf")
O_SIZES: dict[str, tuple[int, int]] = {"typewriter": (37, 45), "print": (29, 36), "dot_matrix": (34, 41)}
O_DEPARTMENTS = (
    "Цех „Механичен“", "Цех „Монтажен“", "Цех „Заготовителен“", "Отдел „Снабдяване“", "Администрация",
    "Ремонтна работилница", "Бригада № 2", "Склад за готова продукция", "Транспорт", "Счетоводство",
    "Строителна бригада", "Полевъдство", "Животновъдство", "Поддръжка",
)  # fmt: skip
O_SUBTOTALS = ("Всичко за цеха:", "Общо за отдела", "Всичко:", "Итого по звеното")
O_GRAND = ("Всичко за предприятието:", "ОБЩО ПО ВЕДОМОСТТА", "Всичко за всички звена")
O_TITLES = ("ВЕДОМОСТ ЗА ЗАПЛАТИТЕ НА РАБОТНИЦИТЕ И СЛУЖИТЕЛИТЕ", "РАЗПЛАЩАТЕЛНА ВЕДОМОСТ",
            "ВЕДОМОСТ ЗА ТРУДОВО ВЪЗНАГРАЖДЕНИЕ")  # fmt: skip
O_FORMATS = (("", "="), ("", "="), (" ", "="), ("", ","), (" ", "."))  # (thousands, decimal)

# Family P (held out from its making in session 12): a computer centre's printout on fanfold paper on most
# files, typed or printed sheets of co-operatives on the rest. Its own column orders: the ЕГН last, the net pay
# before the days or before the pay it comes from ("parts" as in the others).
FAMILY_LAYOUTS["P"] = (
    ("row", "name", "position", "days_worked", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay", "egn"),
    ("row", "egn", "name", "net_pay", "days_worked", "gross_pay", "parts", "deductions", "signature"),
    ("row", "name", "egn", "position", "net_pay", "base_pay", "extra_pay", "gross_pay", "deductions", "days_worked"),
    ("row", "name", "gross_pay", "deductions", "net_pay", "days_worked", "egn", "signature"),
    ("row", "name", "days_worked", "base_pay", "extra_pay", "gross_pay", "parts", "deductions", "net_pay", "egn"),
)  # fmt: skip
# Family P's words: none of the others' headings (the printouts' in capitals, cut to the printer's columns)
HEADINGS_P: dict[str, tuple[str, ...]] = {
    "row": ("Ред.\nномер", "НОМ.", "Пор.\nN"),
    "egn": ("ЕГН\nна заетия", "ЕГН-\nномер", "Гражд.\nномер"),
    "name": ("Име, бащ.\nи фамилия", "ИМЕ ПРЕЗИМЕ\nФАМИЛИЯ", "Член-кооператор /\nработник"),
    "position": ("Длъжност,\nбригада", "ДЛЪЖНОСТ", "Бригада /\nзвено"),
    "days_worked": ("Норма-\nдни", "ОТР.\nДНИ", "Изработени\nнорма-дни"),
    "base_pay": ("Трудово\nвъзнаграждение", "ОСНОВНО\nВЪЗН.", "Заработено\nпо норми"),
    "extra_pay": ("Доплащане\nи клас", "ДОПЪЛН.\nВЪЗН.", "Добавки\nза стаж"),
    "gross_pay": ("Всичко\nзаработено\nза месеца", "ВСИЧКО\nНАЧИСЛ.", "Брутно\nначислено"),
    "deductions": ("Удръжки\nвсичко\nза лицето", "ВСИЧКО\nУДРЪЖКИ", "Удържано\nобщо"),
    "net_pay": ("Сума за\nизплащане\nна ръка", "ЗА\nПОЛУЧАВАНЕ", "Полага се"),
    "signature": ("Подпис\nна члена", "ПОДПИС", "Разписка\nза сумата"),
    "tax": ("ДОД\nудържан", "ДАНЪК\nДОД"),
    "insurance": ("Вноска\nпенсии", "ОСИГ.\nВНОСКИ"),
    "advance": ("Аванс\nизплатен\nв брой", "АВАНС"),
    "union_fee": ("Член.\nвнос\nсиндикат", "СИНД.\nВНОС"),
}
# Family P's faces: from font packages none of A-O uses (fonts-3270, fonts-monoid: the computer centre's printer;
# fonts-mononoki: a typewriter; fonts-roboto-unhinted, fonts-lato: thin prints; scripts/setup.sh)
_RB = "roboto/unhinted/"
P_FACES: dict[str, tuple[str, ...]] = {
    "typewriter": ("mononoki/mononoki-Regular.ttf", "mononoki/mononoki-Bold.ttf"),
    "print": (_RB + "RobotoTTF/Roboto-Light.ttf", _RB + "RobotoTTF/Roboto-Thin.ttf", _RB + "RobotoCondensed-Light.ttf",
              "lato/Lato-Light.ttf", "lato/Lato-Thin.ttf"),
    "dot_matrix": ("3270/3270-Regular.ttf", "3270/3270SemiCondensed-Regular.ttf", "monoid/Monoid-Regular.ttf"),
}  # fmt: skip
P_SIZES: dict[str, tuple[int, int]] = {"typewriter": (36, 44), "print": (29, 36), "dot_matrix": (32, 40)}
# co-operatives and state farms, by the years they were so named (ТКЗС and АПК gone by 1992; ЗК, ЗКПУ after 1991)
P_EMPLOYERS_SOCIALIST = (
    "ТКЗС „Победа“ с. Градец", "АПК „Мир“ гр. Генерал Тошево", "ДЗС „Росица“ с. Михалци",
    "ТКЗС „9-ти септември“ с. Лозница", "АПК „Струма“ гр. Симитли", "ДЗС „Тракия“ с. Скутаре",
    "ТПК „Единство“ гр. Елхово", "ПК „Бъдеще“ с. Ракита", "АПК „Възход“ гр. Левски",
)  # fmt: skip
P_EMPLOYERS_1990S = (
    "ЗК „Нива“ с. Каравелово", "ЗКПУ „Съгласие“ с. Драганово", "ДЗС „Загоре“ гр. Стара Загора",
    "ТПК „Обединение“ гр. Трявна", "ЗК „Земеделец“ с. Ковачево", "ПК „Напредък“ с. Бяла черква",
)  # fmt: skip
# the computer centres that printed clients' payrolls (their name over the client's header, not the employer)
P_CENTRES = (
    "ТИЦ – ЛОВЕЧ", "ИЗЧИСЛИТЕЛЕН ЦЕНТЪР КЪМ ОНС – ВРАЦА", "ИОЦ „ЕЛЕКТРОНИКА“ – ПЛЕВЕН", "МИЦ – ГАБРОВО",
    "ИЦ НА АПК – ПОПОВО", "ТЕРИТОРИАЛЕН ИЗЧИСЛИТЕЛЕН ЦЕНТЪР – ШУМЕН",
)  # fmt: skip
P_CLIENT_LABELS = ("КЛИЕНТ", "ПРЕДПРИЯТИЕ N", "ОБЕКТ")
P_TITLES = ("ВЕДОМОСТ ЗА РАБОТНА ЗАПЛАТА", "РАЗПЛАЩАТЕЛНА ВЕДОМОСТ", "ВЕДОМОСТ ЗА ТРУДОВО ВЪЗНАГРАЖДЕНИЕ НА ЧЛЕНОВЕТЕ")
P_TOTAL_WORDS = ("*** ВСИЧКО ***", "* ОБЩО ЗА ЛИСТА *", "ВСИЧКО ЗА ЛИСТА:", "СУМА ЗА ЛИСТА")

# Family Q (held out from its making in session 13): samples/family_q.py
FAMILY_LAYOUTS["Q"] = family_q.Q_LAYOUTS
HEADINGS_Q = family_q.HEADINGS_Q
Q_FACES = family_q.Q_FACES
Q_SIZES = family_q.Q_SIZES

# Family R (held out from its making in session 15): samples/family_r.py
FAMILY_LAYOUTS["R"] = family_r.R_LAYOUTS
HEADINGS_R = family_r.HEADINGS_R
R_FACES = family_r.R_FACES
R_SIZES = family_r.R_SIZES

# Family S (held out from its making in session 16): samples/family_s.py
FAMILY_LAYOUTS["S"] = family_s.S_LAYOUTS
HEADINGS_S = family_s.HEADINGS_S
S_FACES = family_s.S_FACES
S_SIZES = family_s.S_SIZES

# Family T (held out from its making in session 17): samples/family_t.py
FAMILY_LAYOUTS["T"] = family_t.T_LAYOUTS
HEADINGS_T = family_t.HEADINGS_T
T_FACES = family_t.T_FACES
T_SIZES = family_t.T_SIZES

# Family U (held out from its making in session 18): samples/family_u.py
FAMILY_LAYOUTS["U"] = family_u.U_LAYOUTS
HEADINGS_U = family_u.HEADINGS_U
U_FACES = family_u.U_FACES
U_SIZES = family_u.U_SIZES

# Family V (held out from its making in session 19): samples/family_v.py
FAMILY_LAYOUTS["V"] = family_v.V_LAYOUTS
HEADINGS_V = family_v.HEADINGS_V
V_FACES = family_v.V_FACES
V_SIZES = family_v.V_SIZES

# Family W (held out from its making in session 20): samples/family_w.py
FAMILY_LAYOUTS["W"] = family_w.W_LAYOUTS
HEADINGS_W = family_w.HEADINGS_W
W_FACES = family_w.W_FACES
W_SIZES = family_w.W_SIZES

# Family X (held out from its making in session 21): samples/family_x.py
FAMILY_LAYOUTS["X"] = tuple(tuple(f for pair in pairs for f in pair if f) for pairs in family_x.X_PAIRS)
HEADINGS_X = family_x.HEADINGS_X
X_FACES = family_x.X_FACES
X_SIZES = family_x.X_SIZES

# Family Y (held out from its making in session 22 to its measurement in session 23): samples/family_y.py
FAMILY_LAYOUTS["Y"] = family_y.Y_LAYOUTS
HEADINGS_Y = family_y.HEADINGS_Y
Y_FACES = family_y.Y_FACES
Y_SIZES = family_y.Y_SIZES

# Family Z (held out from its making in session 23 to its one measurement in session 24): samples/family_z.py
FAMILY_LAYOUTS["Z"] = family_z.Z_LAYOUTS
HEADINGS_Z = family_z.HEADINGS_Z
Z_FACES = family_z.Z_FACES
Z_SIZES = family_z.Z_SIZES

# Family AA (held out from its making in session 24 to its one measurement in session 25): samples/family_aa.py
FAMILY_LAYOUTS["AA"] = family_aa.AA_LAYOUTS
HEADINGS_AA = family_aa.HEADINGS_AA
AA_FACES = family_aa.AA_FACES
AA_SIZES = family_aa.AA_SIZES

# Family AB (held out from its making in session 25 to its one measurement in session 26): samples/family_ab.py
FAMILY_LAYOUTS["AB"] = family_ab.AB_LAYOUTS
HEADINGS_AB = family_ab.HEADINGS_AB
AB_FACES = family_ab.AB_FACES
AB_SIZES = family_ab.AB_SIZES

# Family AC (held out from its making in session 26 to its one measurement in session 27): samples/family_ac.py
FAMILY_LAYOUTS["AC"] = family_ac.AC_LAYOUTS
HEADINGS_AC = family_ac.HEADINGS_AC
AC_FACES = family_ac.AC_FACES
AC_SIZES = family_ac.AC_SIZES

# Family AD (held out from its making in session 27 to its one measurement in session 28): samples/family_ad.py
FAMILY_LAYOUTS["AD"] = family_ad.AD_LAYOUTS
HEADINGS_AD = family_ad.HEADINGS_AD
AD_FACES = family_ad.AD_FACES
AD_SIZES = family_ad.AD_SIZES

# Family AE (held out from its making in session 28 to its one measurement in session 29): samples/family_ae.py
FAMILY_LAYOUTS["AE"] = family_ae.AE_LAYOUTS
HEADINGS_AE = family_ae.HEADINGS_AE
AE_FACES = family_ae.AE_FACES
AE_SIZES = family_ae.AE_SIZES

# Family AF (held out from its making in session 29 to its one measurement in session 30): samples/family_af.py
FAMILY_LAYOUTS["AF"] = family_af.AF_LAYOUTS
HEADINGS_AF = family_af.HEADINGS_AF
AF_FACES = family_af.AF_FACES
AF_SIZES = family_af.AF_SIZES

# Family AG (held out from its making in session 30 to its one measurement in session 31): samples/family_ag.py
FAMILY_LAYOUTS["AG"] = family_ag.AG_LAYOUTS
HEADINGS_AG = family_ag.HEADINGS_AG
AG_FACES = family_ag.AG_FACES
AG_SIZES = family_ag.AG_SIZES

# Family AH (held out from its making in session 31 to its one measurement in session 32): samples/family_ah.py
FAMILY_LAYOUTS["AH"] = family_ah.AH_LAYOUTS
HEADINGS_AH = family_ah.HEADINGS_AH
AH_FACES = family_ah.AH_FACES
AH_SIZES = family_ah.AH_SIZES

# Family AI (held out from its making in session 32 to its one measurement in session 33): samples/family_ai.py
FAMILY_LAYOUTS["AI"] = family_ai.AI_LAYOUTS
HEADINGS_AI = family_ai.HEADINGS_AI
AI_FACES = family_ai.AI_FACES
AI_SIZES = family_ai.AI_SIZES

# Family AJ (held out from its making in session 33 to its one measurement in session 34): samples/family_aj.py
FAMILY_LAYOUTS["AJ"] = family_aj.AJ_LAYOUTS
HEADINGS_AJ = family_aj.HEADINGS_AJ
AJ_FACES = family_aj.AJ_FACES
AJ_SIZES = family_aj.AJ_SIZES

# Family AK (held out from its making in session 34 to its one measurement in session 35): samples/family_ak.py
FAMILY_LAYOUTS["AK"] = family_ak.AK_LAYOUTS
HEADINGS_AK = family_ak.HEADINGS_AK
AK_FACES = family_ak.AK_FACES
AK_SIZES = family_ak.AK_SIZES

# Family AL (held out from its making in session 35 to its one measurement in session 36): samples/family_al.py
FAMILY_LAYOUTS["AL"] = family_al.AL_LAYOUTS
HEADINGS_AL = family_al.HEADINGS_AL
AL_FACES = family_al.AL_FACES
AL_SIZES = family_al.AL_SIZES

# Family AM (held out from its making in session 36 to its one measurement in session 37): samples/family_am.py
FAMILY_LAYOUTS["AM"] = family_am.AM_LAYOUTS
HEADINGS_AM = family_am.HEADINGS_AM
AM_FACES = family_am.AM_FACES
AM_SIZES = family_am.AM_SIZES

# Family AN (held out from its making in session 37 to its one measurement in session 38): samples/family_an.py
FAMILY_LAYOUTS["AN"] = family_an.AN_LAYOUTS
HEADINGS_AN = family_an.HEADINGS_AN
AN_FACES = family_an.AN_FACES
AN_SIZES = family_an.AN_SIZES

# Family AO (held out from its making in session 38 to its one measurement in session 39): samples/family_ao.py
FAMILY_LAYOUTS["AO"] = family_ao.AO_LAYOUTS
HEADINGS_AO = family_ao.HEADINGS_AO
AO_FACES = family_ao.AO_FACES
AO_SIZES = family_ao.AO_SIZES

# Family AP (held out from its making in session 39 to its one measurement in session 40): samples/family_ap.py
FAMILY_LAYOUTS["AP"] = family_ap.AP_LAYOUTS
HEADINGS_AP = family_ap.HEADINGS_AP
AP_FACES = family_ap.AP_FACES
AP_SIZES = family_ap.AP_SIZES

# Family AQ (held out from its making in session 40 to its one measurement in session 41): samples/family_aq.py
FAMILY_LAYOUTS["AQ"] = family_aq.AQ_LAYOUTS
HEADINGS_AQ = family_aq.HEADINGS_AQ
AQ_FACES = family_aq.AQ_FACES
AQ_SIZES = family_aq.AQ_SIZES

# Family AR (held out from its making in session 41 to its one measurement in session 42): samples/family_ar.py
FAMILY_LAYOUTS["AR"] = family_ar.AR_LAYOUTS
HEADINGS_AR = family_ar.HEADINGS_AR
AR_FACES = family_ar.AR_FACES
AR_SIZES = family_ar.AR_SIZES

# Family AS (held out from its making in session 42 to its one measurement in session 43): samples/family_as.py
FAMILY_LAYOUTS["AS"] = family_as.AS_LAYOUTS
HEADINGS_AS = {c: (w,) for c, w in family_as.HEADINGS_AS.items()}
AS_FACES = family_as.AS_FACES
AS_SIZES = family_as.AS_SIZES

# Family AT (held out from its making in session 43 to its one measurement): samples/family_at.py
FAMILY_LAYOUTS["AT"] = family_at.AT_LAYOUTS
HEADINGS_AT = {c: (w,) for c, w in family_at.HEADINGS_AT.items()}
AT_FACES = family_at.AT_FACES
AT_SIZES = family_at.AT_SIZES

EMPLOYERS_DASHED = (
    "„Металик“ ЕООД – Перник", "„Родопа-94“ ЕООД – Ловеч", "ЕТ „Марин Колев – МК“ Силистра",
    "ТКЗС „Н. Вапцаров“ – с. Горна Липница", "АПК „Дружба“ – Кърджали", "„Стомана“ АД – гр. Перник",
    "ДП „Пътно поддържане“ – Монтана", "„Балкантурист – Слънчев бряг“ АД", "ЕТ „Вели – 2“ с. Черноочене",
)  # fmt: skip

YEARS: dict[str, tuple[int, int]] = {
    "B": (1989, 1996),
    "C": (1980, 1996),
    "D": (1990, 1996),
    "E": (1980, 1996),
    "F": (1980, 1996),
    "G": (1980, 1996),
    "H": (1980, 1996),
    "I": (1980, 1996),
    "J": (1984, 1996),
    "K": (1980, 1996),
    "L": (1980, 1996),
    "M": (1980, 1996),
    "N": (1980, 1996),
    "O": (1980, 1996),
    "P": (1980, 1996),
    "Q": (1980, 1996),
    "R": (1980, 1996),
    "S": (1980, 1996),
    "T": (1980, 1996),
    "U": (1992, 1996),
    "V": (1980, 1991),
    "W": (1980, 1996),
    "X": (1980, 1994),
    "Y": (1980, 1996),
    "Z": (1980, 1990),  # a file's months run on into 1991 at most
    "AA": (1984, 1992),  # a file's months run on into 1993 at most
    "AB": (1985, 1996),
    "AC": (1980, 1996),
    "AD": (1980, 1996),  # adapt_file puts many files' months round the renaming (1984-85) or the restoration (1990-91)
    "AE": (1980, 1996),
    "AF": (1980, 1996),
    "AG": (1980, 1996),
    "AH": (1980, 1996),
    "AI": (1980, 1996),
    "AJ": (1980, 1996),
    "AK": (1986, 1996),
    "AL": (1980, 1996),
    "AM": (1980, 1996),
    "AN": (1980, 1996),
    "AO": (1980, 1996),
    "AP": (1980, 1996),
    "AQ": (1980, 1996),
    "AR": (1980, 1996),
    "AS": (1980, 1996),
    "AT": (1980, 1996),
}


@dataclass(frozen=True)
class Habits:
    """One employer's file's typing habits: the switches, drawn once per file."""

    family: str
    thousands: str  # "" (none), " ", ".", "'"
    decimal: str  # "." or ","
    stotinki: bool  # amounts typed in stotinki, without a separator
    ruling: str  # "full", "columns" (only vertical rules), "rows" (only horizontal), "none"
    correction: str  # "none", "above", "between", "margin"
    correction_typed: bool
    landscape: float  # probability of a landscape page
    sizes: tuple[int, int]
    # families E and F only (the others keep the defaults, so their seeds give the same pages)
    face: str = ""  # "typewriter", "print" or "dot_matrix": E_FACES (F: F_FACES)
    carbon: bool = False  # the file is carbon copies
    stamp_rows: bool = False  # a stamp pressed across the figures
    signatures_cross: bool = False
    totals_hand: bool = False
    # family J only
    dashed: bool = False  # the rules are dashed
    stamp_rect: bool = False  # the office's stamps are rectangular
    ticks: bool = False  # a clerk ticked off the rows by hand, beside them
    # family K only
    vertical: bool = False  # the narrow columns' headings printed on their side (a printed form)
    column_numbers: bool = False  # a line of column numbers (1, 2, 3, ...) under the headings
    dotted: bool = False  # the rows ruled with dotted lines
    ghost: bool = False  # the carbon slipped while typing: every stroke with a faint double beside it
    names: str = ""  # "surname": the surname typed first; "SURNAME": the surname first, in capitals
    roman: bool = False  # the month in Roman numerals (за м. III 1987 г.)
    row_dot: bool = False  # row numbers typed with a dot: "1."
    parent: str = ""  # the body the employer answered to, printed above its name
    employer_label: str = ""  # "Предприятие:" or the like before the employer's name
    # family L only
    two_line: bool = False  # a row per person on two typed lines: the name and ЕГН on the first, figures below
    split_cents: bool = False  # every amount in two columns, leva and stotinki ("лв." | "ст.")
    loose: bool = False  # the thousands separated on some amounts only
    groups: bool = False  # a heading merged over runs of columns ("Удръжки" over the itemised deductions)
    stamp_total: bool = False  # a stamp pressed over the totals row
    period: str = ""  # "word" (месец май 1991), "digits" (05.1991), "roman" (V-1991); "" as the others
    town: bool = False  # the employer's town after a comma on the same line
    address: str = ""  # the employer's address under its name (not part of it)
    carried: bool = False  # long months continued on a second sheet: "Пренася се" at the foot, "Пренос" at the head
    title_period: bool = False  # the period in the title's line (ВЕДОМОСТ ЗА ЗАПЛАТИ ЗА МЕСЕЦ МАЙ 1991 Г.)
    initials: bool = False  # the father's name typed as its initial (Иван П. Георгиев; the truth as printed)
    total_word: str = ""  # the totals row's word when it is not "Всичко" ("Общо:", ...)
    # family M only
    ditto: str = ""  # the mark typed for "the same as above" in the position and days columns ('"', '—"—')
    leaders: bool = False  # amounts right-aligned after a line of dots from the column's left
    blank_rows: bool = False  # the form's last ruled lines left empty under the people
    initials_first: bool = False  # names typed "И. П. Георгиев" (the truth as printed)
    same_jobs: bool = False  # the roster listed by trade: people of one position one after the other
    recap: bool = False  # a second table under the first: the month's sums by kind ("Рекапитулация")
    # family N only
    worn: bool = False  # worn keys: some letters always faint, some always off the line
    double: bool = False  # a key that bounced: now and then a letter struck twice, a little apart
    dry: bool = False  # the ribbon running dry down the page
    show_through: bool = False  # thin paper: the back of the sheet shows through
    photo: bool = False  # photographed at an angle on a desk, not scanned
    holes: bool = False  # two holes punched in a binding margin
    fold: bool = False  # folded across: a crease through a row
    egn_boxes: bool = False  # the ЕГН typed in the ten boxes of a printed form
    row_mark: str = ""  # what follows the row number (")": "1)")
    currency: str = ""  # "лв." after every amount
    days_suffix: str = ""  # "д." after the days ("21д.")
    zero_mark: str = ""  # a zero amount typed "—" or "х"
    date_range: bool = False  # the period as the month's first and last day
    pale_form: bool = False  # the form's rules printed in pale ink
    paid_stamps: bool = False  # the cashier's "ИЗПЛАТЕНО" stamped in the signature column
    # family O only (its decimal "=" and its ticks, on the right, are in the fields above)
    departments: bool = False  # several departments on the sheet, each under a heading row of its own
    subtotals: bool = False  # each department closed by a row of its sums
    whole_mark: str = ""  # what follows "=" for no stotinki ("150=-")
    form_period: bool = False  # the period on a printed form's line, the month and "87" typed
    graph: bool = False  # squared paper
    corner_stamp: bool = False  # the office's corner stamp in place of the typed employer
    photocopy: bool = False  # the file keeps photocopies
    coffee: bool = False  # coffee cup rings on some sheets
    torn: bool = False  # a bottom corner torn off some sheets
    spread: bool = False  # a bound book's two facing pages scanned as one image
    # family P only
    printout: bool = False  # a computer centre's printout: the centre's name and the run's date over the header
    fanfold: bool = False  # fanfold paper: the tractor strips' holes down both edges, perforations, grey bands
    typed_rules: bool = False  # the table ruled with typed characters: dashes, "=" over the totals, "!" between
    caps: bool = False  # everything in capitals (the names, positions and employer too; the truth as printed)
    row_zeros: int = 0  # the row numbers' digits with leading zeros ("01": 2, "001": 3); 0 as the others
    egn_under_name: bool = False  # the ЕГН typed under the name in the name's column (no ЕГН column)
    period_p: str = ""  # "short" (за м. март 89 г.), "year_first" (1989 г., месец март), "printout" (ПЕРИОД: 03.1989)
    employer_right: bool = False  # the employer typed in the top-right corner, the sheet's number on the left
    coop: bool = False  # a co-operative or state farm (ТКЗС, АПК, ДЗС; ЗК, ЗКПУ after 1991)
    blue_stamp: bool = False  # a stamp in blue ink pressed over the totals
    soft: bool = False  # scanned out of focus
    # family Q only: all of its switches (samples/family_q.py)
    q: family_q.QHabits | None = None
    # family R only: all of its switches (samples/family_r.py)
    r: family_r.RHabits | None = None
    # family S only: all of its switches (samples/family_s.py)
    s: family_s.SHabits | None = None
    # family T only: all of its switches (samples/family_t.py)
    t: family_t.THabits | None = None
    # family U only: all of its switches (samples/family_u.py)
    u: family_u.UHabits | None = None
    # family V only: all of its switches (samples/family_v.py)
    v: family_v.VHabits | None = None
    # family W only: all of its switches (samples/family_w.py)
    w: family_w.WHabits | None = None
    # family X only: all of its switches (samples/family_x.py)
    x: family_x.XHabits | None = None
    # family Y only: all of its switches (samples/family_y.py)
    y: family_y.YHabits | None = None
    # family Z only: all of its switches (samples/family_z.py)
    z: family_z.ZHabits | None = None
    # family AA only: all of its switches (samples/family_aa.py)
    aa: family_aa.AAHabits | None = None
    # family AB only: all of its switches (samples/family_ab.py)
    ab: family_ab.ABHabits | None = None
    # family AC only: all of its switches (samples/family_ac.py)
    ac: family_ac.ACHabits | None = None
    # family AD only: all of its switches (samples/family_ad.py)
    ad: family_ad.ADHabits | None = None
    # family AE only: all of its switches (samples/family_ae.py)
    ae: family_ae.AEHabits | None = None
    # family AF only: all of its switches (samples/family_af.py)
    af: family_af.AFHabits | None = None
    # family AG only: all of its switches (samples/family_ag.py)
    ag: family_ag.AGHabits | None = None
    # family AH only: all of its switches (samples/family_ah.py)
    ah: family_ah.AHHabits | None = None
    # family AI only: all of its switches (samples/family_ai.py)
    ai: family_ai.AIHabits | None = None
    # family AJ only: all of its switches (samples/family_aj.py)
    aj: family_aj.AJHabits | None = None
    # family AK only: all of its switches (samples/family_ak.py)
    ak: family_ak.AKHabits | None = None
    # family AL only: all of its switches (samples/family_al.py)
    al: family_al.ALHabits | None = None
    # family AM only: all of its switches (samples/family_am.py)
    am: family_am.AMHabits | None = None
    # family AN only: all of its switches (samples/family_an.py)
    an: family_an.ANHabits | None = None
    # family AO only: all of its switches (samples/family_ao.py)
    ao: family_ao.AOHabits | None = None
    # family AP only: all of its switches (samples/family_ap.py)
    ap: family_ap.APHabits | None = None
    # family AQ only: all of its switches (samples/family_aq.py)
    aq: family_aq.AQHabits | None = None
    # family AR only: all of its switches (samples/family_ar.py)
    ar: family_ar.ARHabits | None = None
    # family AS only: all of its switches (samples/family_as.py)
    as_: family_as.ASHabits | None = None
    # family AT only: all of its switches (samples/family_at.py)
    at: family_at.ATHabits | None = None


def draw_habits(family: str, rng: random.Random) -> Habits:
    if family == "Q":
        return _draw_q(rng)
    if family == "R":
        return _draw_r(rng)
    if family == "S":
        return _draw_s(rng)
    if family == "T":
        return _draw_t(rng)
    if family == "U":
        return _draw_u(rng)
    if family == "V":
        return _draw_v(rng)
    if family == "W":
        return _draw_w(rng)
    if family == "X":
        return _draw_x(rng)
    if family == "Y":
        return _draw_y(rng)
    if family == "Z":
        return _draw_z(rng)
    if family == "AA":
        return _draw_aa(rng)
    if family == "AB":
        return _draw_ab(rng)
    if family == "AC":
        return _draw_ac(rng)
    if family == "AD":
        return _draw_ad(rng)
    if family == "AE":
        return _draw_ae(rng)
    if family == "AF":
        return _draw_af(rng)
    if family == "AG":
        return _draw_ag(rng)
    if family == "AH":
        return _draw_ah(rng)
    if family == "AI":
        return _draw_ai(rng)
    if family == "AJ":
        return _draw_aj(rng)
    if family == "AK":
        return _draw_ak(rng)
    if family == "AL":
        return _draw_al(rng)
    if family == "AM":
        return _draw_am(rng)
    if family == "AN":
        return _draw_an(rng)
    if family == "AO":
        return _draw_ao(rng)
    if family == "AP":
        return _draw_ap(rng)
    if family == "AQ":
        return _draw_aq(rng)
    if family == "AR":
        return _draw_ar(rng)
    if family == "AS":
        return _draw_as(rng)
    if family == "AT":
        return _draw_at(rng)
    if family == "E":
        return _draw_e(rng)
    if family == "J":
        return _draw_j(rng)
    if family == "K":
        return _draw_k(rng)
    if family == "L":
        return _draw_l(rng)
    if family == "M":
        return _draw_m(rng)
    if family == "N":
        return _draw_n(rng)
    if family == "O":
        return _draw_o(rng)
    if family == "P":
        return _draw_p(rng)
    if family in _HELD_OUT:
        return _draw_held_out(family, rng)
    if family == "B":
        dec = rng.choice((".", ","))
        return Habits(
            family, rng.choice((" ", "'", " ")), dec, False, rng.choice(("columns", "columns", "full")),
            rng.choice(("between", "between", "none")), True, 0.4, (36, 46),
        )  # fmt: skip
    if family == "C":
        dot = rng.random() < 0.6
        return Habits(
            family, "." if dot else " ", "," if dot else ".", False, rng.choice(("rows", "rows", "full")),
            rng.choice(("margin", "margin", "none")), False, 0.5, (34, 44),
        )  # fmt: skip
    stot = rng.random() < 0.4
    return Habits(
        family,
        "" if stot else rng.choice((" ", "'", ".", "")),
        rng.choice((".", ",")),
        stot,
        rng.choice(("none", "columns", "rows", "full")),
        rng.choice(("above", "between", "margin", "none")),
        rng.random() < 0.5,
        0.5,
        (32, 48),
    )


def _draw_q(rng: random.Random) -> Habits:
    """Family Q's file: its own switches (family_q.draw), the generic ones copied from them."""
    q = family_q.draw(rng)
    return Habits(
        "Q", q.thousands, q.decimal, False, q.ruling, q.correction, False, 0.0, Q_SIZES[q.face], face=q.face,
        stamp_rows=q.stamp_rows, signatures_cross=q.signatures_cross, totals_hand=q.totals_hand, q=q,
    )  # fmt: skip


def _draw_r(rng: random.Random) -> Habits:
    """Family R's file: its own switches (family_r.draw), the generic ones copied from them."""
    r = family_r.draw(rng)
    return Habits(
        "R", r.thousands, r.decimal, False, r.rules, r.correction, False, 0.0, R_SIZES[r.face], face=r.face,
        stamp_rows=r.stamp_rows, signatures_cross=r.signatures_cross, totals_hand=r.totals_hand, r=r,
    )  # fmt: skip


def _draw_s(rng: random.Random) -> Habits:
    """Family S's file: its own switches (family_s.draw), the generic ones copied from them (a carbon copy's
    back showing through; a book photographed from above in perspective)."""
    s = family_s.draw(rng)
    return Habits(
        "S", s.thousands, s.decimal, False, s.ruling, s.correction, False, 0.0, S_SIZES[s.face], face=s.face,
        carbon=s.carbon, show_through=s.carbon, photo=s.book == "photo", stamp_rows=s.stamp_rows,
        signatures_cross=s.signatures_cross, totals_hand=s.totals_hand, s=s,
    )  # fmt: skip


def _own_habits(letter: str, own: Any, face: str, sizes: dict[str, tuple[int, int]], landscape: float, *,
                ruling: str | None = None, decimal: str | None = None, **generic: Any) -> Habits:
    """A file of a family whose module draws its own switches (``own``): the generic switches copied from them
    (its thousands, decimal and ruling unless given), no correction, its face's type size; ``generic`` any more."""
    return Habits(
        letter, own.thousands, own.decimal if decimal is None else decimal, False,
        own.ruling if ruling is None else ruling, "none", False, landscape, sizes[face], face=face,
        **{letter.lower(): own}, **generic,
    )  # fmt: skip


def _draw_t(rng: random.Random) -> Habits:
    """Family T's file: its own switches (family_t.draw), the generic ones copied from them."""
    t = family_t.draw(rng)
    return _own_habits("T", t, t.face, T_SIZES, 0.0, stamp_rows=t.stamp_rows, signatures_cross=t.signatures_cross)


def _draw_u(rng: random.Random) -> Habits:
    """Family U's file: its own switches (family_u.draw), the generic ones copied from them."""
    u = family_u.draw(rng)
    return _own_habits("U", u, u.face, U_SIZES, 0.0)


def _draw_v(rng: random.Random) -> Habits:
    """Family V's file: its own switches (family_v.draw), the generic ones copied from them."""
    return _own_habits("V", family_v.draw(rng), "typewriter", V_SIZES, 1.0)


def _draw_w(rng: random.Random) -> Habits:
    """Family W's file: its own switches (family_w.draw), the generic ones copied from them."""
    w = family_w.draw(rng)
    return _own_habits("W", w, "typewriter", W_SIZES, 1.0, ruling="full", decimal="," if w.decimal == "," else ".")


def _draw_x(rng: random.Random) -> Habits:
    """Family X's file: its own switches (family_x.draw), the generic ones copied from them."""
    return _own_habits("X", family_x.draw(rng), "typewriter", X_SIZES, 0.0, ruling="full")


def _draw_y(rng: random.Random) -> Habits:
    """Family Y's file: its own switches (family_y.draw), the generic ones copied from them."""
    return _own_habits("Y", family_y.draw(rng), "typewriter", Y_SIZES, 1.0)


def _draw_z(rng: random.Random) -> Habits:
    """Family Z's file: its own switches (family_z.draw), the generic ones copied from them."""
    return _own_habits("Z", family_z.draw(rng), "numeric", Z_SIZES, 1.0)


def _draw_aa(rng: random.Random) -> Habits:
    """Family AA's file: its own switches (family_aa.draw), the generic ones copied from them."""
    return _own_habits("AA", family_aa.draw(rng), "printer", AA_SIZES, 1.0)


def _draw_ab(rng: random.Random) -> Habits:
    """Family AB's file: its own switches (family_ab.draw), the generic ones copied from them."""
    return _own_habits("AB", family_ab.draw(rng), "daisy", AB_SIZES, 1.0)


def _draw_ac(rng: random.Random) -> Habits:
    """Family AC's file: its own switches (family_ac.draw), the generic ones copied from them."""
    return _own_habits("AC", family_ac.draw(rng), "typewriter", AC_SIZES, 1.0)


def _draw_ad(rng: random.Random) -> Habits:
    """Family AD's file: its own switches (family_ad.draw), the generic ones copied from them."""
    return _own_habits("AD", family_ad.draw(rng), "typewriter", AD_SIZES, 1.0)


def _draw_ae(rng: random.Random) -> Habits:
    """Family AE's file: its own switches (family_ae.draw), the generic ones copied from them."""
    return _own_habits("AE", family_ae.draw(rng), "typewriter", AE_SIZES, 1.0)


def _draw_af(rng: random.Random) -> Habits:
    """Family AF's file: its own switches (family_af.draw), the generic ones copied from them."""
    af = family_af.draw(rng)
    return _own_habits("AF", af, "typewriter", AF_SIZES, 0.0 if af.portrait else 1.0)


def _draw_ag(rng: random.Random) -> Habits:
    """Family AG's file: its own switches (family_ag.draw), the generic ones copied from them."""
    ag = family_ag.draw(rng)
    return _own_habits("AG", ag, "typewriter", AG_SIZES, 0.0 if ag.portrait else 1.0)


def _draw_ah(rng: random.Random) -> Habits:
    """Family AH's file: its own switches (family_ah.draw), the generic ones copied from them."""
    ah = family_ah.draw(rng)
    return _own_habits("AH", ah, "typewriter", AH_SIZES, 0.0 if ah.portrait else 1.0)


def _draw_ai(rng: random.Random) -> Habits:
    """Family AI's file: its own switches (family_ai.draw), the generic ones copied from them."""
    ai = family_ai.draw(rng)
    return _own_habits("AI", ai, "lettering", AI_SIZES, 0.0 if ai.portrait else 1.0)


def _draw_aj(rng: random.Random) -> Habits:
    """Family AJ's file: its own switches (family_aj.draw), the generic ones copied from them."""
    aj = family_aj.draw(rng)
    return _own_habits("AJ", aj, "typewriter", AJ_SIZES, 0.0 if aj.portrait else 1.0)


def _draw_ak(rng: random.Random) -> Habits:
    """Family AK's file: its own switches (family_ak.draw), the generic ones copied from them."""
    ak = family_ak.draw(rng)
    return _own_habits("AK", ak, "dot_matrix", AK_SIZES, 0.0 if ak.portrait else 1.0)


def _draw_al(rng: random.Random) -> Habits:
    """Family AL's file: its own switches (family_al.draw), the generic ones copied from them."""
    return _own_habits("AL", family_al.draw(rng), "typewriter", AL_SIZES, 1.0)


def _draw_am(rng: random.Random) -> Habits:
    """Family AM's file: its own switches (family_am.draw), the generic ones copied from them."""
    return _own_habits("AM", family_am.draw(rng), "typewriter", AM_SIZES, 1.0)


def _draw_an(rng: random.Random) -> Habits:
    """Family AN's file: its own switches (family_an.draw), the generic ones copied from them."""
    return _own_habits("AN", family_an.draw(rng), "typewriter", AN_SIZES, 1.0)


def _draw_ao(rng: random.Random) -> Habits:
    """Family AO's file: its own switches (family_ao.draw), the generic ones copied from them."""
    return _own_habits("AO", family_ao.draw(rng), "typewriter", AO_SIZES, 0.0)


def _draw_ap(rng: random.Random) -> Habits:
    """Family AP's file: its own switches (family_ap.draw), the generic ones copied from them."""
    return _own_habits("AP", family_ap.draw(rng), "typewriter", AP_SIZES, 1.0)


def _draw_aq(rng: random.Random) -> Habits:
    """Family AQ's file: its own switches (family_aq.draw), the generic ones copied from them."""
    return _own_habits("AQ", family_aq.draw(rng), "typewriter", AQ_SIZES, 1.0)


def _draw_ar(rng: random.Random) -> Habits:
    """Family AR's file: its own switches (family_ar.draw), the generic ones copied from them."""
    return _own_habits("AR", family_ar.draw(rng), "typewriter", AR_SIZES, 1.0)


def _draw_as(rng: random.Random) -> Habits:
    """Family AS's file: its own switches (family_as.draw), the generic ones copied from them."""
    own = family_as.draw(rng)
    return Habits("AS", own.thousands, own.decimal, False, own.ruling, "none", False, 1.0, AS_SIZES["typewriter"],
                  face="typewriter", as_=own)  # fmt: skip


def _draw_at(rng: random.Random) -> Habits:
    """Family AT's file: its own switches (family_at.draw), the generic ones copied from them."""
    own = family_at.draw(rng)
    return Habits("AT", own.thousands, own.decimal, False, own.ruling, "none", False, 1.0, AT_SIZES["typewriter"],
                  face="typewriter", at=own)  # fmt: skip


def _draw_e(rng: random.Random) -> Habits:
    thousands, decimal = rng.choice(((".", ","), (".", ","), ("'", ","), ("'", ".")))
    face = rng.choice(("typewriter", "print", "dot_matrix"))
    correction = rng.choice(("over", "over", "between", "none"))
    return Habits(
        "E", thousands, decimal, False, rng.choice(("full", "full", "rows", "none")), correction,
        correction == "over" or rng.random() < 0.3, 0.7, E_SIZES[face], face=face,
        carbon=rng.random() < 0.5, stamp_rows=rng.random() < 0.6, signatures_cross=rng.random() < 0.7,
        totals_hand=rng.random() < 0.5,
    )  # fmt: skip


def _draw_j(rng: random.Random) -> Habits:
    thousands, decimal = rng.choice(((",", "."), (",", "."), (",", "."), ("", ".")))
    face = rng.choice(("typewriter", "print", "dot_matrix"))
    correction = rng.choice(("fluid", "fluid", "between", "over", "none"))
    ruling = rng.choice(("full", "rows", "columns", "none"))
    return Habits(
        "J", thousands, decimal, False, ruling, correction, correction != "between" or rng.random() < 0.5,
        0.5 if face == "print" else 1.0, J_SIZES[face], face=face, carbon=rng.random() < 0.35, stamp_rows=rng.random() < 0.4,
        signatures_cross=rng.random() < 0.35, totals_hand=rng.random() < 0.35,
        dashed=ruling != "none" and rng.random() < 0.6, stamp_rect=rng.random() < 0.75, ticks=rng.random() < 0.6,
    )  # fmt: skip


def _draw_k(rng: random.Random) -> Habits:
    thousands, decimal = rng.choice(((NARROW, ","), (NARROW, ","), (NARROW, "."), ("", "-"), (NARROW, "-")))
    face = rng.choice(("typewriter", "typewriter", "print", "dot_matrix"))
    correction = rng.choice(("xout", "xout", "between", "margin", "none"))
    ruling = rng.choice(("full", "full", "rows", "columns"))
    carbon = rng.random() < 0.5
    return Habits(
        "K", thousands, decimal, False, ruling, correction, correction != "margin" or rng.random() < 0.5, 0.0,
        K_SIZES[face], face=face, carbon=carbon, stamp_rows=rng.random() < 0.3, signatures_cross=rng.random() < 0.3,
        totals_hand=rng.random() < 0.3, vertical=rng.random() < 0.75, column_numbers=rng.random() < 0.6,
        dotted=ruling != "columns" and rng.random() < 0.6, ghost=carbon and rng.random() < 0.6,
        names=rng.choice(("", "surname", "SURNAME")), roman=rng.random() < 0.6, row_dot=rng.random() < 0.6,
        parent=rng.choice(PARENTS) if rng.random() < 0.4 else "",
        employer_label=rng.choice(("Предприятие:", "Поделение:", "Стопанство:", "")) if rng.random() < 0.5 else "",
    )  # fmt: skip


def _draw_l(rng: random.Random) -> Habits:
    thousands, decimal = rng.choice((("'", ","), ("'", ","), (" ", ","), ("'", "."), ("", ",")))
    face = rng.choice(("typewriter", "typewriter", "print", "dot_matrix"))
    correction = rng.choice(("arrow", "arrow", "over", "none"))
    ruling = rng.choice(("head", "head", "columns", "full", "rows", "none"))
    return Habits(
        "L", thousands, decimal, False, ruling, correction, correction == "over", 0.5, L_SIZES[face], face=face,
        carbon=rng.random() < 0.3, signatures_cross=rng.random() < 0.3, totals_hand=rng.random() < 0.35,
        two_line=rng.random() < 0.4, split_cents=rng.random() < 0.4, loose=thousands != "" and rng.random() < 0.6,
        groups=rng.random() < 0.55, stamp_total=rng.random() < 0.4, period=rng.choice(("word", "digits", "roman", "")),
        town=rng.random() < 0.6, address=rng.choice(L_ADDRESSES) if rng.random() < 0.4 else "",
        carried=rng.random() < 0.35, title_period=rng.random() < 0.35, initials=rng.random() < 0.3,
        total_word=rng.choice(L_TOTAL_WORDS) if rng.random() < 0.5 else "",
    )  # fmt: skip


def _draw_m(rng: random.Random) -> Habits:
    thousands, decimal = rng.choice(((" ", "."), ("", "."), (" ", ","), ("'", "."), ("", ",")))
    face = rng.choice(("typewriter", "typewriter", "print", "dot_matrix"))
    correction = rng.choice(("above", "between", "over", "none"))
    ruling = rng.choice(("full", "full", "rows", "columns"))
    ditto = rng.random() < 0.65
    return Habits(
        "M", thousands, decimal, False, ruling, correction, correction != "above" or rng.random() < 0.3, 0.45,
        M_SIZES[face], face=face, carbon=rng.random() < 0.45, stamp_rows=rng.random() < 0.3,
        signatures_cross=rng.random() < 0.5, totals_hand=rng.random() < 0.25,
        total_word=rng.choice(M_TOTAL_WORDS) if rng.random() < 0.6 else "",
        ditto=rng.choice(M_DITTO) if ditto else "", leaders=rng.random() < 0.5, blank_rows=rng.random() < 0.45,
        initials_first=rng.random() < 0.4, same_jobs=ditto or rng.random() < 0.3, recap=rng.random() < 0.4,
    )  # fmt: skip


def _draw_n(rng: random.Random) -> Habits:
    thousands, decimal = rng.choice(((" ", ","), ("", ","), ("", "."), (".", ","), (" ", ".")))
    face = rng.choice(("typewriter", "typewriter", "print", "dot_matrix"))
    correction = rng.choice(("above", "between", "over", "margin", "none"))
    ruling = rng.choice(("full", "full", "rows", "columns", "none"))
    typed = face != "print"
    return Habits(
        "N", thousands, decimal, False, ruling, correction, correction != "above" or rng.random() < 0.3, 0.45,
        N_SIZES[face], face=face, carbon=rng.random() < 0.3, stamp_rows=rng.random() < 0.25,
        signatures_cross=rng.random() < 0.25, totals_hand=rng.random() < 0.25,
        worn=typed and rng.random() < 0.6, double=typed and rng.random() < 0.5, dry=typed and rng.random() < 0.45,
        show_through=rng.random() < 0.35, photo=rng.random() < 0.35, holes=rng.random() < 0.5,
        fold=rng.random() < 0.4, egn_boxes=rng.random() < 0.4, row_mark=")" if rng.random() < 0.5 else "",
        currency=rng.choice(N_CURRENCY) if rng.random() < 0.35 else "",
        days_suffix=rng.choice(N_DAYS) if rng.random() < 0.45 else "",
        zero_mark=rng.choice(N_ZERO) if rng.random() < 0.5 else "", date_range=rng.random() < 0.4,
        pale_form=ruling != "none" and rng.random() < 0.5, paid_stamps=rng.random() < 0.5,
    )  # fmt: skip


def _draw_o(rng: random.Random) -> Habits:
    thousands, decimal = rng.choice(O_FORMATS)
    face = rng.choice(("typewriter", "typewriter", "print", "dot_matrix"))
    correction = rng.choice(("above", "margin", "over", "none"))
    ruling = rng.choice(("full", "full", "rows", "columns", "none"))
    departments = rng.random() < 0.55
    return Habits(
        "O", thousands, decimal, False, ruling, correction, correction == "over" or rng.random() < 0.3, 0.45,
        O_SIZES[face], face=face, carbon=rng.random() < 0.25, stamp_rows=rng.random() < 0.25,
        signatures_cross=rng.random() < 0.25, totals_hand=rng.random() < 0.25, ticks=rng.random() < 0.4,
        departments=departments, subtotals=departments and rng.random() < 0.7,
        whole_mark="-" if decimal == "=" and rng.random() < 0.5 else "", form_period=rng.random() < 0.5,
        graph=rng.random() < 0.35, corner_stamp=rng.random() < 0.45, photocopy=rng.random() < 0.4,
        coffee=rng.random() < 0.3, torn=rng.random() < 0.35, spread=rng.random() < 0.3,
    )  # fmt: skip


def _draw_p(rng: random.Random) -> Habits:
    """Family P's file: a computer centre's printout on most files (fanfold paper, typed rules, capitals, no
    corrections), typed or thin-printed sheets on the rest; each habit of its own on some files."""
    face = rng.choice(("dot_matrix", "dot_matrix", "typewriter", "print"))
    printout = face == "dot_matrix" and rng.random() < 0.8
    stot = rng.random() < (0.35 if printout else 0.15)
    formats = (("", "."), ("", "."), (" ", "."), ("", ","), (" ", ","))
    thousands, decimal = ("", ".") if stot else rng.choice(formats)
    correction = "none" if printout else rng.choice(("above", "between", "over", "none"))
    ruling = rng.choice(("full", "rows", "columns", "full") if printout else ("full", "rows", "columns", "none"))
    return Habits(
        "P", thousands, decimal, stot, ruling, correction, correction != "above" or rng.random() < 0.3,
        0.7 if printout else 0.45, P_SIZES[face], face=face, carbon=not printout and rng.random() < 0.25,
        stamp_rows=rng.random() < 0.2, signatures_cross=rng.random() < 0.25,
        totals_hand=not printout and rng.random() < 0.2, printout=printout, fanfold=printout and rng.random() < 0.85,
        typed_rules=printout and rng.random() < 0.75, caps=printout and rng.random() < 0.7,
        row_zeros=rng.choice((2, 2, 3)) if rng.random() < 0.55 else 0, egn_under_name=rng.random() < 0.35,
        period_p=rng.choice(("short", "year_first", "printout" if printout else "short", "")),
        employer_right=rng.random() < 0.5, coop=rng.random() < 0.6, blue_stamp=rng.random() < 0.45,
        soft=rng.random() < 0.35,
    )  # fmt: skip


@dataclass(frozen=True)
class _HeldOut:
    """How a held-out family (F, G, H, I) draws its habits: one draw in one order, so its seeds keep their pages."""

    stotinki: float
    stotinki_decimal: str
    formats: tuple[tuple[str, str], ...]  # (thousands, decimal) drawn when not in stotinki
    faces: tuple[str, ...]
    sizes: dict[str, tuple[int, int]]
    landscape: float
    marks: float  # carbon copies, stamps, signatures across, handwritten totals: each this often


_HELD_OUT = {
    "F": _HeldOut(0.2, ",", ((" ", ","), (" ", ","), ("", ","), (" ", ".")), ("typewriter", "print"), F_SIZES,
                  0.4, 0.3),
    "G": _HeldOut(0.15, ".", (("'", "."), (" ", "."), ("", "."), ("'", ",")), ("typewriter", "print", "dot_matrix"),
                  G_SIZES, 0.5, 0.4),
    "H": _HeldOut(0.25, ",", ((".", ","), (" ", ","), ("", "."), ("'", ","), (" ", ".")),
                  ("typewriter", "print", "dot_matrix"), H_SIZES, 0.3, 0.35),
    "I": _HeldOut(0.3, ",", (("", ","), (" ", ","), ("'", "."), (".", ",")), ("typewriter", "print", "dot_matrix"),
                  I_SIZES, 0.6, 0.5),
}  # fmt: skip


def _draw_held_out(family: str, rng: random.Random) -> Habits:
    k = _HELD_OUT[family]
    stot = rng.random() < k.stotinki
    thousands, decimal = ("", k.stotinki_decimal) if stot else rng.choice(k.formats)
    face = rng.choice(k.faces)
    correction = rng.choice(("above", "between", "margin", "over", "none"))
    return Habits(
        family, thousands, decimal, stot, rng.choice(("full", "rows", "columns", "none")), correction,
        correction == "over" or rng.random() < 0.5, k.landscape, k.sizes[face], face=face,
        carbon=rng.random() < k.marks, stamp_rows=rng.random() < k.marks, signatures_cross=rng.random() < k.marks,
        totals_hand=rng.random() < k.marks,
    )  # fmt: skip


def adapt_file(ef: EmployerFile, habits: Habits, rng: random.Random) -> None:
    """The file's columns, headings and (sometimes) a dashed employer name."""
    if habits.v is not None:  # family V: its own layout, headings and employer (samples/family_v.py)
        family_v.adapt_file(ef, habits.v, rng)
        return
    if habits.w is not None:  # family W: its own layout, headings, groups and employer (samples/family_w.py)
        family_w.adapt_file(ef, habits.w, rng)
        return
    if habits.x is not None:  # family X: its two-tier columns, headings and employer (samples/family_x.py)
        family_x.adapt_file(ef, habits.x, rng)
        return
    if habits.y is not None:  # family Y: a small organisation's staff, its layout, headings and name (samples/family_y.py)
        family_y.adapt_file(ef, habits.y, rng)
        return
    if habits.z is not None:  # family Z: a big enterprise's roster as its address plates have it (samples/family_z.py)
        family_z.adapt_file(ef, habits.z, rng)
        return
    if habits.aa is not None:  # family AA: a computing centre's client, its roster as printed (samples/family_aa.py)
        family_aa.adapt_file(ef, habits.aa, rng)
        return
    if habits.ab is not None:  # family AB: a state institution's staff, posts and ranks as printed (samples/family_ab.py)
        family_ab.adapt_file(ef, habits.ab, rng)
        return
    if habits.ac is not None:  # family AC: seasonal workers paid by the piece, its brigade and roster (samples/family_ac.py)
        family_ac.adapt_file(ef, habits.ac, rng)
        return
    if habits.ad is not None:  # family AD: a Rhodope or north-east works, its people's names and their history
        family_ad.adapt_file(ef, habits.ad, rng)
        return
    if habits.ae is not None:  # family AE: a shift-working employer paid by the hour, its people's posts and classes
        family_ae.adapt_file(ef, habits.ae, rng)
        return
    if habits.af is not None:  # family AF: a culture or education institution, its posts, shares and contracts
        family_af.adapt_file(ef, habits.af, rng)
        return
    if habits.ag is not None:  # family AG: a state enterprise paying in cash, the denominations of its form
        family_ag.adapt_file(ef, habits.ag, rng)
        return
    if habits.ah is not None:  # family AH: a ship's crew, its ranks and currency rates
        family_ah.adapt_file(ef, habits.ah, rng)
        return
    if habits.ai is not None:  # family AI: a design organisation's section, its posts and project fees
        family_ai.adapt_file(ef, habits.ai, rng)
        return
    if habits.aj is not None:  # family AJ: a hotel's staff, its posts
        family_aj.adapt_file(ef, habits.aj, rng)
        return
    if habits.ak is not None:  # family AK: a co-operative's members in the register's order
        family_ak.adapt_file(ef, habits.ak, rng)
        return
    if habits.al is not None:  # family AL: a works' piece-rate workers and its salaried staff
        family_al.adapt_file(ef, habits.al, rng)
        return
    if habits.am is not None:  # family AM: an institution's staff in its posts
        family_am.adapt_file(ef, habits.am, rng)
        return
    if habits.an is not None:  # family AN: a works' people in its trades
        family_an.adapt_file(ef, habits.an, rng)
        return
    if habits.ao is not None:  # family AO: an employer's people in its posts
        family_ao.adapt_file(ef, habits.ao, rng)
        return
    if habits.ap is not None:  # family AP: a small employer's people on its printed form's rows
        family_ap.adapt_file(ef, habits.ap, rng)
        return
    if habits.aq is not None:  # family AQ: an employer's people in its posts
        family_aq.adapt_file(ef, habits.aq, rng)
        return
    if habits.ar is not None:  # family AR: an employer's many people in its posts
        family_ar.adapt_file(ef, habits.ar, rng)
        return
    if habits.as_ is not None:  # family AS: an employer's people in its posts
        family_as.adapt_file(ef, habits.as_, rng)
        return
    if habits.at is not None:  # family AT: an employer's people in its posts
        family_at.adapt_file(ef, habits.at, rng)
        return
    large = habits.family == "J" and habits.face != "print"
    layout = list(rng.choice(J_LAYOUTS_LARGE if large else FAMILY_LAYOUTS[habits.family]))
    if large:  # a small office: its few people fit the page in that large face
        ef.staff = ef.staff[: rng.randint(5, 9)]
    if "parts" in layout:
        k = layout.index("parts")
        names = [p for p in DEDUCTION_PARTS if p in ("tax", "insurance") or rng.random() < 0.5]
        layout[k : k + 1] = names
    ef.layout = tuple(layout)
    if habits.family in ("E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U"):
        words = {"E": HEADINGS_E, "F": HEADINGS_F, "G": HEADINGS_G, "H": HEADINGS_H, "I": HEADINGS_I,
                 "J": HEADINGS_J, "K": HEADINGS_K, "L": HEADINGS_L, "M": HEADINGS_M, "N": HEADINGS_N,
                 "O": HEADINGS_O, "P": HEADINGS_P, "Q": HEADINGS_Q, "R": HEADINGS_R, "S": HEADINGS_S,
                 "T": HEADINGS_T, "U": HEADINGS_U}[habits.family]  # fmt: skip
        ef.headings = {c: rng.choice(words[c]) for c in ef.layout}
    else:
        ef.headings = {
            c: rng.choice(DEDUCTION_PARTS[c] if c in DEDUCTION_PARTS else HEADINGS_MULTI[c]) for c in ef.layout
        }
    if rng.random() < 0.5:
        ef.employer = rng.choice(EMPLOYERS_DASHED)
    if "tab_no" in ef.layout:  # personnel numbers, issued on hiring: in the roster's order or not
        start = rng.randint(1, 2500)
        numbers = rng.sample(range(start, start + 30 * len(ef.staff)), len(ef.staff))
        if rng.random() < 0.5:
            numbers.sort()
        ef.tab_numbers = {p.egn: n for p, n in zip(ef.staff, numbers, strict=True)}
    if habits.family == "K":
        _k_file(ef, habits, rng)
    if habits.family == "L":
        _l_file(ef, habits, rng)
    if habits.family == "M":
        _m_file(ef, habits, rng)
    if habits.family == "P":
        _p_file(ef, habits, rng)
    if habits.family == "N" and len(ef.layout) > 12:  # no more columns than a page holds
        ef.layout = tuple(c for c in ef.layout if c not in ("advance", "union_fee"))
    if habits.family == "O":
        _o_file(ef, habits, rng)
    if habits.q is not None:
        family_q.adapt_file(ef, habits.q, rng)
    if habits.r is not None:
        family_r.adapt_file(ef, habits.r, rng)
    if habits.s is not None:
        family_s.adapt_file(ef, habits.s, rng)
    if habits.t is not None:
        family_t.adapt_file(ef, habits.t, rng)
    if habits.u is not None:
        family_u.adapt_file(ef, habits.u, rng)


def _o_file(ef: EmployerFile, habits: Habits, rng: random.Random) -> None:
    """Family O's file: no more columns than a page holds; its people in two to four departments, each a
    run of the roster (so a department's people stand together every month), the departments' heading
    words typed one way all through the file (plain, in capitals, or numbered I., II., ...)."""
    if len(ef.layout) > 12:
        ef.layout = tuple(c for c in ef.layout if c not in ("advance", "union_fee"))
    if not habits.departments or len(ef.staff) < 4:
        return
    n = rng.randint(2, min(4, len(ef.staff) // 2))
    cuts = sorted(rng.sample(range(2, len(ef.staff) - 1), n - 1)) if n > 1 else []
    way = rng.choice(("plain", "upper", "numbered"))
    names = rng.sample(O_DEPARTMENTS, n)
    for k, (a, b) in enumerate(zip([0, *cuts], [*cuts, len(ef.staff)], strict=True)):
        label = names[k]
        if way == "upper":
            label = label.upper()
        elif way == "numbered":
            label = f"{ROMAN[k]}. {label}"
        for p in ef.staff[a:b]:
            ef.departments[p.egn] = label


def _m_file(ef: EmployerFile, habits: Habits, rng: random.Random) -> None:
    """Family M's file: the names as its clerk typed them (initials first: И. П. Георгиев, the truth as
    printed), the roster listed by trade (runs of one position, the ditto marks' occasion), no more
    columns than a page holds."""
    if habits.initials_first:
        for p in ef.staff:
            first, patronymic, surname = p.name.split(" ")
            p.name = f"{first[0]}. {patronymic[0]}. {surname}"
    if habits.same_jobs:  # a trade for a run of two to five people
        i = 0
        while i < len(ef.staff):
            n = rng.randint(2, 5)
            job = ef.staff[i].position
            for p in ef.staff[i : i + n]:
                p.position = job
            i += n
    layout = [c for c in ef.layout if not (c in ("advance", "union_fee") and len(ef.layout) > 12)]
    ef.layout = tuple(layout)


def _k_file(ef: EmployerFile, habits: Habits, rng: random.Random) -> None:
    """Family K's file: the names as its clerk typed them (the truth is what is on the page) and each
    person's class for years of service (a percentage that grows with the years worked)."""
    for p in ef.staff:
        first, patronymic, surname = p.name.split(" ")
        if habits.names:
            p.name = f"{surname.upper() if habits.names == 'SURNAME' else surname} {first} {patronymic}"
    ef.class_pct = {p.egn: rng.choice((0, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 30)) for p in ef.staff}
    if habits.face != "print":  # typed on a portrait page: two itemised deductions at most, no room to sign
        ef.layout = tuple(c for c in ef.layout if c not in ("advance", "union_fee"))
        if len(ef.layout) > 10:
            ef.layout = tuple(c for c in ef.layout if c != "signature")


def _l_file(ef: EmployerFile, habits: Habits, rng: random.Random) -> None:
    """Family L's file: a court order's column among the itemised deductions on some files, its own
    employers (the town after a comma), and the group headings merged over runs of columns (the columns
    under a group keep short words)."""
    layout = list(ef.layout)
    if "deductions" in layout and any(c in DEDUCTION_PARTS for c in layout) and rng.random() < 0.45:
        layout.insert(layout.index("deductions"), "court")
        ef.headings["court"] = rng.choice(HEADINGS_L["court"])
    if "days_worked" in layout and rng.random() < 0.35:  # the days on sick leave beside the days worked
        layout.insert(layout.index("days_worked") + rng.choice((0, 1)), "sick")
        ef.headings["sick"] = rng.choice(HEADINGS_L["sick"])
    for c in ("union_fee", "signature", "advance", "position"):  # what the page has no room for
        if len(layout) > (11 if habits.split_cents else 12) and c in layout:
            layout.remove(c)
    ef.layout = tuple(layout)
    if habits.initials:  # the same person the same way every month
        for p in ef.staff:
            first, patronymic, surname = p.name.split(" ")
            p.name = f"{first} {patronymic[0]}. {surname}"
    if rng.random() < 0.7:
        name, town = rng.choice(L_EMPLOYERS)
        ef.employer = f"{name}, {town}" if habits.town else f"{name} {town}"
    if not habits.groups:
        return
    groups = []
    for kind, members in (("pay", ("base_pay", "extra_pay", "gross_pay")),
                          ("deductions", (*DEDUCTION_PARTS, "court", "deductions"))):  # fmt: skip
        run = _run(layout, members)
        if len(run) >= 2:
            groups.append((run[0], run[-1], rng.choice(L_GROUPS[kind])))
            for c in run:
                ef.headings[c] = rng.choice(L_UNDER_GROUP[c])
    ef.groups = tuple(groups)


def _run(layout: list[str], members: tuple[str, ...]) -> list[str]:
    """The longest run of adjacent columns of ``layout`` that are all ``members``."""
    best: list[str] = []
    cur: list[str] = []
    for c in layout:
        cur = [*cur, c] if c in members else []
        if len(cur) > len(best):
            best = cur
    return best


def _dec(x: object) -> Decimal:
    assert isinstance(x, Decimal)
    return x


def adapt_sheet(
    sheet: SheetContent, habits: Habits, rng: random.Random, ef: EmployerFile | None = None
) -> None:
    """Money as this file keeps it: no additional pay where there is no such column, deductions itemised
    (their sum is the total), the number format; totals follow. Family J's personnel numbers and hours
    (``ef`` holds the numbers) go into the rows too, under keys payroll-page/1 does not have."""
    if habits.aa is not None:  # family AA: its money, words and job (samples/family_aa.py)
        family_aa.adapt_sheet(sheet, habits.aa, rng, ef)
        return
    if habits.ab is not None:  # family AB: its allowances, deductions and words (samples/family_ab.py)
        family_ab.adapt_sheet(sheet, habits.ab, rng, ef)
        return
    if habits.ac is not None:  # family AC: the month's work and rate, who came, what each brought (samples/family_ac.py)
        family_ac.adapt_sheet(sheet, habits.ac, rng, ef)
        return
    if habits.ad is not None:  # family AD: the names as they stand that month, the items and deductions
        family_ad.adapt_sheet(sheet, habits.ad, rng, ef)
        return
    if habits.ae is not None:  # family AE: the hours, the night and overtime hours, the items and deductions
        family_ae.adapt_sheet(sheet, habits.ae, rng, ef)
        return
    if habits.af is not None:  # family AF: the posts' order, shares, second contracts, honoraria, civil contracts
        family_af.adapt_sheet(sheet, habits.af, rng, ef)
        return
    if habits.ag is not None:  # family AG: the pay, the deductions, the cashier's notes and coins
        family_ag.adapt_sheet(sheet, habits.ag, rng, ef)
        return
    if habits.ah is not None:  # family AH: the days at sea and in port, the supplement, the currency allowance
        family_ah.adapt_sheet(sheet, habits.ah, rng, ef)
        return
    if habits.ai is not None:  # family AI: the project fees and supervision, the deductions, the title block's words
        family_ai.adapt_sheet(sheet, habits.ai, rng, ef)
        return
    if habits.aj is not None:  # family AJ: the turnover's share and the season, the canteen, the checker's recount
        family_aj.adapt_sheet(sheet, habits.aj, rng, ef)
        return
    if habits.ak is not None:  # family AK: the members' norms, premiums and produce in kind, the program's formats
        family_ak.adapt_sheet(sheet, habits.ak, rng, ef)
        return
    if habits.al is not None:  # family AL: the two sections' pay, each under its own columns, the grand total
        family_al.adapt_sheet(sheet, habits.al, rng, ef)
        return
    if habits.am is not None:  # family AM: the regular rows, the supplementary payroll's rows, the two advances
        family_am.adapt_sheet(sheet, habits.am, rng, ef)
        return
    if habits.an is not None:  # family AN: the pay, the sick-leave benefits beside it, the sums to pay out
        family_an.adapt_sheet(sheet, habits.an, rng, ef)
        return
    if habits.ao is not None:  # family AO: the pay in part I, the deductions and net in part II under it
        family_ao.adapt_sheet(sheet, habits.ao, rng, ef)
        return
    if habits.ap is not None:  # family AP: the month typed on a printed form whose grid the typing does not match
        family_ap.adapt_sheet(sheet, habits.ap, rng, ef)
        return
    if habits.aq is not None:  # family AQ: the month by kinds of payment, a block of lines a person
        family_aq.adapt_sheet(sheet, habits.aq, rng, ef)
        return
    if habits.ar is not None:  # family AR: the month snaked in two blocks side by side
        family_ar.adapt_sheet(sheet, habits.ar, rng, ef)
        return
    if habits.as_ is not None:  # family AS: the month, its columns added on a machine whose tapes are stapled on
        family_as.adapt_sheet(sheet, habits.as_, rng, ef)
        return
    if habits.at is not None:  # family AT: the month typed on two upright sheets joined side by side
        family_at.adapt_sheet(sheet, habits.at, rng, ef)
        return
    cols = set(sheet.layout)
    if "tab_no" in cols or "hours" in cols:
        _tab_and_hours(sheet, ef, rng)
    parts = [c for c in sheet.layout if c in DEDUCTION_PARTS or c == "court"]
    for r in sheet.rows:
        base, extra, gross = (r.get(f) for f in ("base_pay", "extra_pay", "gross_pay"))
        if "extra_pay" not in cols and isinstance(base, Decimal) and isinstance(gross, Decimal):
            gross = base
            r["gross_pay"] = gross
        assert isinstance(gross, Decimal)
        if parts:
            amounts = {
                "tax": cents(gross * Decimal(rng.randint(60, 150)) / 1000),
                "insurance": cents(gross * Decimal(rng.randint(20, 60)) / 1000),
                "advance": Decimal(rng.choice((0, 0, 20, 50, 100))) * (1 if gross < 1000 else 10),
                "union_fee": cents(gross / 100),
            }
            if "court" in parts:  # family L: a court order garnishes a few people's pay
                amounts["court"] = cents(gross * Decimal(rng.randint(100, 250)) / 1000) if rng.random() < 0.2 else Decimal(0)
            for p in parts:
                r[p] = min(amounts[p], cents(gross / 4))
            r["deductions"] = sum((_dec(r[p]) for p in parts), Decimal(0))
        ded_v = r.get("deductions")
        if isinstance(ded_v, Decimal):
            r["net_pay"] = gross - ded_v
        del base, extra
    sheet.totals = {
        f: sum((_dec(r[f]) for r in sheet.rows), Decimal(0))
        for f in (*MONEY_FIELDS, *parts)
        if f in cols
    }
    sheet.decimal_comma = habits.decimal == ","
    sheet.thousands_space = bool(habits.thousands)
    sheet.thousands_sep = habits.thousands or " "
    sheet.stotinki = habits.stotinki
    if habits.stotinki:
        sheet.dash_zero = True
    if habits.family == "K":
        _k_sheet(sheet, habits, rng, ef)
    if habits.family == "L":
        _l_sheet(sheet, habits, rng, ef)
    if habits.family == "M":
        sheet.total_label = habits.total_word
    if habits.family == "N":
        _n_sheet(sheet, habits, rng)
    if habits.family == "O":
        _o_sheet(sheet, habits, rng, ef)
    if habits.q is not None:
        family_q.adapt_sheet(sheet, habits.q, rng)
    if habits.r is not None:
        family_r.adapt_sheet(sheet, habits.r, rng)
    if habits.s is not None:
        family_s.adapt_sheet(sheet, habits.s, rng)
    if habits.t is not None:
        family_t.adapt_sheet(sheet, habits.t, rng)
    if habits.u is not None:
        family_u.adapt_sheet(sheet, habits.u, rng)
    if habits.v is not None:
        family_v.adapt_sheet(sheet, habits.v, rng)
    if habits.w is not None:
        family_w.adapt_sheet(sheet, habits.w, rng, ef)
    if habits.x is not None:
        family_x.adapt_sheet(sheet, habits.x, rng, ef)
    if habits.y is not None:
        family_y.adapt_sheet(sheet, habits.y, rng, ef)
    if habits.z is not None:
        family_z.adapt_sheet(sheet, habits.z, rng, ef)
    if habits.family == "P":
        _p_sheet(sheet, habits, rng, ef)


def _o_sheet(sheet: SheetContent, habits: Habits, rng: random.Random, ef: EmployerFile | None) -> None:
    """Family O's sheet: "=" for the decimal point ("150=-" for whole leva on some files), each row's
    department (a key payroll-page/1 does not have), the subtotal and grand total words, its title, the
    month as typed on the form's line."""
    sheet.decimal_sep = "=" if habits.decimal == "=" else ""
    sheet.whole_mark = habits.whole_mark
    depts = ef.departments if ef is not None else {}
    for r in sheet.rows:
        if depts:
            r["dept"] = depts.get(str(r["egn"]), "")
    if depts:
        sheet.subtotal_label = rng.choice(O_SUBTOTALS)
        sheet.total_label = rng.choice(O_GRAND)
    if rng.random() < 0.6:
        sheet.title = rng.choice(O_TITLES)
    if habits.form_period:
        word = data.MONTHS[sheet.month - 1]
        sheet.form_month = rng.choice((word, word.upper(), ROMAN[sheet.month - 1]))


def _n_sheet(sheet: SheetContent, habits: Habits, rng: random.Random) -> None:
    """Family N's sheet: the row numbers, amounts, zeros and days as its typist typed them ("1)",
    "1468,02 лв.", "—", "21д."; the truth keeps the values), its title, the period as a date range."""
    sheet.row_mark, sheet.currency = habits.row_mark, habits.currency
    sheet.days_suffix, sheet.zero_mark = habits.days_suffix, habits.zero_mark
    if rng.random() < 0.6:
        sheet.title = rng.choice(N_TITLES)
    if habits.date_range:
        m, y = sheet.month, sheet.year
        last = egn_days_in_month(y, m)
        sheet.period_text = rng.choice((
            f"от 01.{m:02d}.{y} до {last}.{m:02d}.{y} г.", f"за периода 1.{ROMAN[m - 1]} - {last}.{ROMAN[m - 1]}.{y} г.",
            f"от 1 до {last} {data.MONTHS[m - 1]} {y} г.",
        ))  # fmt: skip


def _l_sheet(sheet: SheetContent, habits: Habits, rng: random.Random, ef: EmployerFile | None) -> None:
    """Family L's sheet: leva and stotinki in columns of their own, thousands separated on some amounts
    only, the group headings, the words of a continued sheet, the address, the period as its typist
    wrote it (месец май 1991, 05.1991, V-1991)."""
    sheet.split_cents, sheet.loose_thousands = habits.split_cents, habits.loose
    sheet.groups = ef.groups if ef is not None else ()
    sheet.carry_in_label, sheet.carry_out_label = rng.choice(L_CARRY_IN), rng.choice(L_CARRY_OUT)
    sheet.address = habits.address
    m, y = sheet.month, sheet.year
    word = data.MONTHS[m - 1]
    if habits.period == "word":
        sheet.period_text = rng.choice((f"месец {word} {y}", f"за месец {word} {y}г.", f"месец {word.upper()} {y} г."))
    elif habits.period == "digits":
        sheet.period_text = rng.choice((f"{m:02d}.{y}", f"за {m:02d}.{y} г.", f"за м. {m:02d}/{y} г."))
    elif habits.period == "roman":
        sheet.period_text = rng.choice((f"{ROMAN[m - 1]}-{y}", f"за {ROMAN[m - 1]}-{y} г.", f"м. {ROMAN[m - 1]}-{y}"))
    if habits.title_period:  # one line: the title and the period after it
        sheet.title = f"{sheet.title} {sheet.period_text.upper()}"
        sheet.period_text = ""
    sheet.total_label = habits.total_word
    if "sick" in sheet.layout:  # the working days a person did not work were sick leave, now and then
        wd = working_days(sheet.year, sheet.month)
        for r in sheet.rows:
            days = r["days_paid"]
            assert isinstance(days, int)
            r["sick"] = min(wd - days, rng.choice((0, 0, 1, 2, 3, 5, 10))) if days < wd else 0


def _k_sheet(sheet: SheetContent, habits: Habits, rng: random.Random, ef: EmployerFile | None) -> None:
    """Family K's sheet: a dash for the decimal point (1468-02) on some files, row numbers with a dot,
    the month in Roman numerals; the day's rate (what the base pays a day worked, never totalled) and
    the class for years of service, under keys payroll-page/1 does not have."""
    sheet.decimal_sep = "-" if habits.decimal == "-" else ""
    sheet.row_dot = habits.row_dot
    sheet.parent, sheet.employer_label = habits.parent, habits.employer_label
    if habits.roman:
        m, y = ROMAN[sheet.month - 1], sheet.year
        sheet.period_text = rng.choice((f"за м. {m} {y} г.", f"за месец {m}.{y} г.", f"м. {m} - {y} год."))
    classes = ef.class_pct if ef is not None else {}
    for r in sheet.rows:
        if "class_pct" in sheet.layout:
            r["class_pct"] = classes.get(str(r["egn"]), 0)
        if "rate" in sheet.layout:
            days, pay = r.get("days_paid"), r.get("base_pay")
            pay = pay if isinstance(pay, Decimal) else r.get("gross_pay")
            paid = isinstance(days, int) and days > 0 and isinstance(pay, Decimal)
            r["rate"] = cents(pay / days) if paid else None  # type: ignore[operator]


def _tab_and_hours(sheet: SheetContent, ef: EmployerFile | None, rng: random.Random) -> None:
    """The personnel number (the file's, by ЕГН) and the hours worked: eight a day, give or take
    overtime and short days (the days paid, also where the sheet has no days column)."""
    tabs = ef.tab_numbers if ef is not None else {}
    for r in sheet.rows:
        if "tab_no" in sheet.layout:
            r["tab_no"] = tabs.get(str(r["egn"])) or rng.randint(1, 3000)
        if "hours" in sheet.layout:
            days = r.get("days_paid")
            days = days if isinstance(days, int) else rng.randint(18, 23)
            r["hours"] = max(0, 8 * days + (rng.choice((0, 0, 0, 0, 4, 8, 16, -4)) if days else 0))


def style_for(habits: Habits, rng: random.Random, base: Style) -> Style:
    """The family's face, size, ruling and corrections over the style the default drew."""
    if habits.family in ("E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V",
                         "W", "X", "Y", "Z", "AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "AI", "AJ", "AK", "AL", "AM", "AN",
                         "AO", "AP", "AQ", "AR", "AS", "AT"):
        faces_of = {"E": E_FACES, "F": F_FACES, "G": G_FACES, "H": H_FACES, "I": I_FACES, "J": J_FACES,
                    "K": K_FACES, "L": L_FACES, "M": M_FACES, "N": N_FACES, "O": O_FACES, "P": P_FACES, "Q": Q_FACES,
                    "R": R_FACES, "S": S_FACES, "T": T_FACES, "U": U_FACES, "V": V_FACES, "W": W_FACES,
                    "X": X_FACES, "Y": Y_FACES, "Z": Z_FACES, "AA": AA_FACES, "AB": AB_FACES,
                    "AC": AC_FACES, "AD": AD_FACES, "AE": AE_FACES, "AF": AF_FACES,
                    "AG": AG_FACES, "AH": AH_FACES, "AI": AI_FACES, "AJ": AJ_FACES,
                    "AK": AK_FACES, "AL": AL_FACES, "AM": AM_FACES, "AN": AN_FACES,
                    "AO": AO_FACES, "AP": AP_FACES, "AQ": AQ_FACES, "AR": AR_FACES,
                    "AS": AS_FACES, "AT": AT_FACES}  # fmt: skip
        kinds = faces_of[habits.family]
        faces = [FONT_DIR / f for f in kinds[habits.face] if (FONT_DIR / f).exists()]
        if faces:
            base.font = rng.choice(faces)
        base.typewriter = habits.face == "typewriter"
        base.dot_matrix = habits.face == "dot_matrix"
        base.stamp_rows = habits.stamp_rows
        base.signatures_cross = habits.signatures_cross
        base.totals_hand = habits.totals_hand
    fonts = [(FONT_DIR / f, tw) for f, tw in FAMILY_FONTS.get(habits.family, ()) if (FONT_DIR / f).exists()]
    if fonts:
        font, typewriter = rng.choice(fonts)
        base.font, base.typewriter = Path(font), typewriter
    base.size = rng.randint(*habits.sizes)
    base.ruled = habits.ruling != "none"
    base.ruling = habits.ruling
    base.landscape = base.landscape or rng.random() < habits.landscape
    base.corrections = habits.correction != "none"
    base.correction_mode = habits.correction if habits.correction != "none" else "above"
    base.correction_typed = habits.correction_typed
    base.margin = 330 if habits.correction in ("margin", "arrow") else None
    if habits.family == "J":
        base.dashed_ruling, base.stamp_rect, base.ticks = habits.dashed, habits.stamp_rect, habits.ticks
        if habits.face != "print":  # typed on a printed form: its headings in small print
            base.heading_scale = rng.uniform(0.5, 0.6)
    if habits.family == "K":  # always portrait: a printed form, its narrow columns headed on their side
        base.landscape = False
        base.vertical_heads, base.column_numbers = habits.vertical, habits.column_numbers
        base.dotted_rows = habits.dotted
    if habits.family == "L":  # portrait or landscape as the office chose (a portrait sheet turns if it cannot fit)
        base.two_line, base.stamp_total = habits.two_line, habits.stamp_total
        base.landscape = rng.random() < 0.55
    if habits.family == "M":
        base.ditto, base.leaders, base.recap = habits.ditto, habits.leaders, habits.recap
        base.blank_rows = rng.randint(2, 6) if habits.blank_rows else 0
        base.landscape = rng.random() < 0.5  # as the office chose (a portrait sheet turns if it cannot fit)
    if habits.family == "N":
        _n_style(habits, rng, base)
    if habits.family == "O":
        _o_style(habits, rng, base)
    if habits.q is not None:
        family_q.style(habits.q, rng, base)
    if habits.r is not None:
        family_r.style(habits.r, rng, base)
    if habits.s is not None:
        family_s.style(habits.s, rng, base)
    if habits.t is not None:
        family_t.style(habits.t, rng, base)
    if habits.u is not None:
        family_u.style(habits.u, rng, base)
    if habits.v is not None:
        family_v.style(habits.v, rng, base)
    if habits.w is not None:
        family_w.style(habits.w, rng, base)
    if habits.x is not None:
        family_x.style(habits.x, rng, base)
    if habits.y is not None:
        family_y.style(habits.y, rng, base)
    if habits.z is not None:
        family_z.style(habits.z, rng, base)
    if habits.aa is not None:
        family_aa.style(habits.aa, rng, base)
    if habits.ab is not None:
        family_ab.style(habits.ab, rng, base)
    if habits.ac is not None:
        family_ac.style(habits.ac, rng, base)
    if habits.ad is not None:
        family_ad.style(habits.ad, rng, base)
    if habits.ae is not None:
        family_ae.style(habits.ae, rng, base)
    if habits.af is not None:
        family_af.style(habits.af, rng, base)
    if habits.ag is not None:
        family_ag.style(habits.ag, rng, base)
    if habits.ah is not None:
        family_ah.style(habits.ah, rng, base)
    if habits.ai is not None:
        family_ai.style(habits.ai, rng, base)
    if habits.aj is not None:
        family_aj.style(habits.aj, rng, base)
    if habits.ak is not None:
        family_ak.style(habits.ak, rng, base)
    if habits.al is not None:
        family_al.style(habits.al, rng, base)
    if habits.am is not None:
        family_am.style(habits.am, rng, base)
    if habits.an is not None:
        family_an.style(habits.an, rng, base)
    if habits.ao is not None:
        family_ao.style(habits.ao, rng, base)
    if habits.ap is not None:
        family_ap.style(habits.ap, rng, base)
    if habits.aq is not None:
        family_aq.style(habits.aq, rng, base)
    if habits.ar is not None:
        family_ar.style(habits.ar, rng, base)
    if habits.as_ is not None:
        family_as.style(habits.as_, rng, base)
    if habits.at is not None:
        family_at.style(habits.at, rng, base)
    if habits.family == "P":
        _p_style(habits, rng, base)
    return base


def _o_style(habits: Habits, rng: random.Random, base: Style) -> None:
    """Family O's style: squared paper, the form's printed words in a face of their own, the corner
    stamp, subtotal rows, ticks on the right; a spread is landscape, the rest as the office chose.
    Corrections between the rows stay off a sheet of departments (its rows are not evenly spaced)."""
    base.landscape = habits.spread or rng.random() < 0.45
    base.graph, base.corner_stamp, base.subtotals = habits.graph, habits.corner_stamp, habits.subtotals
    base.ticks = base.ticks_right = habits.ticks
    base.spread = habits.spread
    if habits.form_period or rng.random() < 0.5:  # a printed form: its title and words printed
        faces = [FONT_DIR / f for f in O_FORM_FACES if (FONT_DIR / f).exists()]
        base.form_font = rng.choice(faces) if faces else None
    if habits.departments:
        base.between_rows = False


def _n_style(habits: Habits, rng: random.Random, base: Style) -> None:
    """Family N's style: a tired typewriter's faults, holes, a fold, the ЕГН's boxes, a pale form, the
    cashier's stamps; portrait or landscape as the office chose."""
    base.landscape = rng.random() < 0.45
    if habits.worn:  # each worn key the same way all through the file: faint, or high, or low
        keys = rng.sample(N_KEYS, rng.randint(3, 6))
        base.worn = {k: (rng.choice((0, 60, 80, 95)), rng.choice((-5.0, -3.5, 0.0, 3.5, 5.0))) for k in keys}
    base.double_strike = 0.05 if habits.double else 0.0
    if habits.dry:  # from somewhere down the page the ink thins out
        base.dry = (rng.uniform(0.25, 0.6), rng.uniform(80, 120))
    base.holes, base.fold, base.egn_boxes = habits.holes, habits.fold, habits.egn_boxes
    base.paid_stamps = habits.paid_stamps
    if habits.pale_form:
        base.rule_ink = rng.randint(140, 185)


def _p_file(ef: EmployerFile, habits: Habits, rng: random.Random) -> None:
    """Family P's file: a co-operative's name (of the file's years), the ЕГН under the name (its column gone,
    the name's heading over both), everything in capitals on a printout that prints them so (the truth is
    what is on the page), no more columns than a page holds."""
    firm = any(w in ef.employer.replace("„", " ").replace("“", " ").split() for w in ("ЕТ", "ООД", "ЕООД", "АД", "ЕАД"))
    if habits.coop or (firm and ef.start[0] < 1991):  # no sole trader or company before 1991: a co-operative then
        names = P_EMPLOYERS_1990S if ef.start[0] >= 1992 else P_EMPLOYERS_SOCIALIST
        ef.employer = rng.choice(names)
    layout = [c for c in ef.layout if not (c in ("advance", "union_fee") and len(ef.layout) > 11)]
    if habits.egn_under_name and "egn" in layout and "name" in layout:
        layout.remove("egn")
        ef.headings["name"] = ef.headings["name"].replace("\n", " ") + "\n" + rng.choice(("ЕГН", "(ЕГН)", "ЕГН-номер"))
    ef.layout = tuple(layout)
    if habits.caps:
        ef.employer = ef.employer.upper()
        ef.headings = {c: h.upper() for c, h in ef.headings.items()}
        for p in ef.staff:
            p.name, p.position = p.name.upper(), p.position.upper()


def _p_sheet(sheet: SheetContent, habits: Habits, rng: random.Random, ef: EmployerFile | None) -> None:
    """Family P's sheet: row numbers with leading zeros, the ЕГН under the name, the period as this file
    writes it, a printout's centre, run date, client's code, title and totals' word (the truth keeps the
    values, the employer's name alone)."""
    sheet.row_zeros, sheet.egn_under_name = habits.row_zeros, habits.egn_under_name
    m, y = sheet.month, sheet.year
    word = data.MONTHS[m - 1]
    if habits.period_p == "short":
        sheet.period_text = rng.choice((f"за м. {word} {y % 100:02d} г.", f"за месец {word} '{y % 100:02d}",
                                        f"м. {word} {y % 100:02d}г."))  # fmt: skip
    elif habits.period_p == "year_first":
        sheet.period_text = rng.choice((f"{y} г., месец {word}", f"година {y}, м. {word}", f"{y} г. – {word}"))
    elif habits.period_p == "printout":
        sheet.period_text = rng.choice((f"ПЕРИОД: {m:02d}.{y}", f"МЕСЕЦ: {word.upper()} {y} Г.", f"ЗА {word.upper()} {y}"))
    if habits.printout:
        sheet.title = rng.choice(P_TITLES)
        sheet.total_label = rng.choice(P_TOTAL_WORDS)
        if rng.random() < 0.8:
            ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
            sheet.centre = rng.choice(P_CENTRES)
            sheet.run_date = rng.choice((f"ДАТА {rng.randint(1, 9):02d}.{nm:02d}.{ny}", f"ОБРАБОТЕНО НА {rng.randint(1, 9)}.{nm}.{ny % 100:02d}"))
        if rng.random() < 0.5:  # the client's code before its name (not part of the name)
            sheet.employer_label = f"{rng.choice(P_CLIENT_LABELS)} {rng.randint(10, 9999):04d}"
    if habits.caps:
        sheet.period_text = sheet.period_text.upper()


def _p_style(habits: Habits, rng: random.Random, base: Style) -> None:
    """Family P's style: the printout's fanfold paper and typed rules, capitals, the employer in the
    top-right corner, the blue stamp over the totals; a printout wide as the fanfold is."""
    base.fanfold, base.typed_rules, base.caps = habits.fanfold, habits.typed_rules and base.ruled, habits.caps
    base.employer_right, base.blue_stamp = habits.employer_right, habits.blue_stamp
    if habits.printout:  # a 15-inch fanfold, read across
        base.landscape = rng.random() < 0.75
        base.ink = rng.randint(20, 60)  # a ribbon printed over and over


def employer_as_typed(name: str, style: Style) -> str:
    """GNU Typewriter has no dashes: the typist used a hyphen (the truth is what is on the page)."""
    if "GNUTypewriter" in style.font.name:
        return name.replace("–", "-").replace("—", "-")
    return name

