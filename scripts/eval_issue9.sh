#!/bin/bash
# Issue 9's evaluation sets, each generated once and measured once with `archive bench` (two at a time,
# niced). usage: bash scripts/eval_issue9.sh OUT_DIR [TAG]   -> OUT_DIR/<set>/ pages, OUT_DIR/<set>-TAG.{json,txt}
# Never tune on these seeds (bench/RESULTS.md, "Held-out families"); H is held out in session 4, I from session 5,
# J (any seed) from session 7, K (any seed) from session 8 (2026-12-03), measured once then; J is tuned on since session 8
# and K is since session 9 (evaluation seeds 2033 and 2034 kept). L was held out from its making (2026-12-03, no page of it
# read by the reader) to its one measurement at the end of session 9 the same day; tuned on since (seed 2035 kept).
# M was held out from session 9 (2026-12-03), made before anything was tuned on L, to its one measurement at the end
# of session 10 the same day (seed 2036, bench/RESULTS.md); tuned on from then (dev seeds 5001-5020, seed 2036 kept).
# N was held out from session 10 (2026-12-03; no page of it read by the reader, any seed) to its one measurement at the
# end of session 11 the same day (seed 2037, bench/RESULTS.md); tuned on from then (dev seeds 6001-6020, seed 2037 kept).
# O is held out from session 11 (2026-12-03, helper s20-famo; made before N was measured, no page of it read by the reader, any seed):
# generated here (seed 2038) and measured once, by the lead, at the end of session 12 (2026-12-03, bench/RESULTS.md);
# tuned on from then (dev seeds 7001-7020, seed 2038 kept).
# P is held out from its making in session 12 (2026-12-03, helper s21-famp; no page of it read by the reader, any
# seed): generated here (seed 2039) and measured once, by the lead, at the start of session 14 (2026-12-04, on main
# 77014c5, bench/RESULTS.md); tuned on from then (dev seeds 8001-8020, seed 2039 kept).
# Q is held out from its making in session 13 (2026-12-04, helper s22-famq; no page of it read by the reader, any
# seed; made before anything was tuned on P): generated here (seed 2040) and measured once, by the lead, in session 15
# (2026-12-04, bench/RESULTS.md); tuned on from then (dev seeds 9001-9020, seed 2040 kept).
# R is held out from its making in session 15 (2026-12-04, helper s24-famr; no page of it read by the reader, any
# seed; made before anything was tuned on Q): generated here (seed 2041) and measured once, by the lead, at the start
# of session 16 (2026-12-04, bench/RESULTS.md); tuned on from then (dev seeds 10001-10020, seed 2041 kept).
# S is held out from its making in session 16 (2026-12-04, helper s25-fams; no page of it read by the reader, any
# seed; made before anything was tuned on R): generated here (seed 2042) and measured once, by the lead, at the start
# of session 17 (2026-12-04, on main f58c25f, bench/RESULTS.md); tuned on from then (dev seeds 11001-11040, seed 2042 kept).
# T is held out from its making in session 17 (2026-12-04, helper s26-famt; no page of it read by the reader, any
# seed; made before anything was tuned on S): generated here (seed 2043) and measured once, by the lead, at the start
# of session 18 (2026-12-04, on main eaf1815, bench/RESULTS.md); tuned on from then (dev seeds 12001-12040, seed 2043 kept).
# U is held out from its making in session 18 (2026-12-05, helper s27-famu; no page of it read by the reader, any
# seed; made before anything was tuned on T): generated here (seed 2044) and measured once, by the lead, at the start
# of session 19 (2026-12-05, on main 871ceba, bench/RESULTS.md); tuned on from then (dev seeds 13001-13040, seed 2044 kept).
# V is held out from its making in session 19 (2026-12-05, helper s28-famv; no page of it read by the reader, any
# seed; made before anything was tuned on U): generated here (seed 2045) and measured once, by the lead, at the start
# of session 20 (2026-12-05, on main fa21f59, bench/RESULTS.md); tuned on from then (dev seeds 14001-14040, seed 2045 kept).
# W is held out from its making in session 20 (2026-12-05, helper s29-famw; no page of it read by the reader, any
# seed; made before anything was tuned on V): generated here (seed 2046) and measured once, by the lead, at the start
# of session 21 (2026-12-05, on main 3f80e9b, bench/RESULTS.md); tuned on from then (dev seeds 15001-15040, seed 2046 kept).
# X is held out from its making in session 21 (2026-12-05, helper s30-famx; no page of it read by the reader, any
# seed; made before anything was tuned on W): generated here (seed 2047) and measured once, by the lead, at the start
# of session 22 (2026-12-05, on main b136e19, bench/RESULTS.md); tuned on from then (dev seeds 16001-16040, seed 2047 kept).
# Y is held out from its making in session 22 (2026-12-05, helper s31-famy; no page of it read by the reader, any
# seed; made before anything was tuned on X): generated here (seed 2048) and measured once, by the lead, at the start
# of session 23 (2026-12-05, on main 16b292e, bench/RESULTS.md); tuned on from then (dev seeds 17001-17040, seed 2048 kept).
# Z is held out from its making in session 23 (2026-12-05, helper s32-famz; no page of it read by the reader, any
# seed; made before anything was tuned on Y): generated here (seed 2049) and measured once, by the lead, at the start
# of session 24 (2026-12-05, on main 2e1bc56, bench/RESULTS.md); tuned on from then (dev seeds 18001-18040, seed 2049 kept).
# AA is held out from its making in session 24 (2026-12-05, helper s33-famaa; no page of it read by the reader, any
# seed; made before anything was tuned on Z): generated here (seed 2050) and measured once, by the lead, at the start
# of session 25 (2026-12-05, on main 762748c, bench/RESULTS.md); tuned on from then (dev seeds 19001-19040, seed 2050 kept).
# AB is held out from its making in session 25 (2026-12-05, helper s34-famab; no page of it read by the reader, any
# seed; made before anything was tuned on AA): generated here (seed 2051) and measured once, by the lead, at the start
# of session 26 (2026-12-05, on main 3dbe96a, bench/RESULTS.md); tuned on from then (dev seeds 20001-20040, seed 2051 kept).
# AC is held out from its making in session 26 (2026-12-05, helper s35-famac; no page of it read by the reader, any
# seed; made before anything was tuned on AB): generated here (seed 2052) and measured once, by the lead, at the start
# of session 27 (2026-12-06, on main 7af59d8, bench/RESULTS.md); tuned on from then (dev seeds 21001-21040, seed 2052 kept).
# AD is held out from its making in session 27 (2026-12-06, helper s36-famad; no page of it read by the reader, any
# seed; made before anything was tuned on AC): generated here (seed 2053) and measured once, by the lead, at the start
# of session 28 (2026-12-06, on main 528f3c1, bench/RESULTS.md); tuned on from then (dev seeds 22001-22040, seed 2053 kept).
# AE is held out from its making in session 28 (2026-12-06, helper s37-famae; no page of it read by the reader, any
# seed; made before anything was tuned on AD): generated here (seed 2054) and measured once, by the lead, at the start
# of session 29 (2026-12-06, on main 30e3620, bench/RESULTS.md); tuned on from then (dev seeds 23001-23040, seed 2054 kept).
# AF is held out from its making in session 29 (2026-12-06, helper s38-famaf; no page of it read by the reader, any
# seed; made before anything was tuned on AE): generated here (seed 2055) and measured once, by the lead, at the start
# of session 30 (2026-12-06, on main 0a5bb50, bench/RESULTS.md); tuned on from then (dev seeds 24001-24040, seed 2055 kept).
# AG is held out from its making in session 30 (2026-12-06, helper s39-famag; no page of it read by the reader, any
# seed; made before anything was tuned on AF): generated here (seed 2056) and measured once, by the lead, at the start
# of session 31 (2026-12-06, on main b153829, bench/RESULTS.md); tuned on from then (dev seeds 25001-25040, seed 2056 kept).
# AH is held out from its making in session 31 (2026-12-06, helper s40-famah; no page of it read by the reader, any
# seed; made before anything was tuned on AG): generated here (seed 2057) and measured once, by the lead, at the start
# of session 32 (2026-12-06, on main 50dd40e, bench/RESULTS.md); tuned on from then (dev seeds 26001-26040, seed 2057 kept).
# AI is held out from its making in session 32 (2026-12-06, helper s41-famai; no page of it read by the reader, any
# seed; made before anything was tuned on AH): generated here (seed 2058) and measured once, by the lead, at the start
# of session 33 (2026-12-06, on main 2c517c8, bench/RESULTS.md); tuned on from then (dev seeds 27001-27040, seed 2058 kept).
# AJ is held out from its making in session 33 (2026-12-06, helper s42-famaj; no page of it read by the reader, any
# seed; made before anything was tuned on AI): generated here (seed 2059) and measured once, by the lead, at the start
# of session 34 (2026-12-06, on main 2c11c08, bench/RESULTS.md); tuned on from then (dev seeds 28001-28040, seed 2059 kept).
# AK is held out from its making in session 34 (2026-12-06, helper s44-famak; no page of it read by the reader, any
# seed; made before any tuning on AJ was merged): generated here (seed 2060) and measured once, by the lead, at the start
# of session 35 (2026-12-07, on main 065abc7, bench/RESULTS.md); tuned on from then (dev seeds 29001-29040, seed 2060 kept).
# AL is held out from its making in session 35 (2026-12-07, helper s45-famal; no page of it read by the reader, any
# seed; made before anything was tuned on AK): generated here (seed 2061) and measured once, by the lead, at the start
# of session 36 (2026-12-07, on main acd3fbe, bench/RESULTS.md); tuned on from then (dev seeds 30001-30040, seed 2061 kept).
# AM is held out from its making in session 36 (2026-12-07, helper s46-famam; no page of it read by the reader, any
# seed; made before anything was tuned on AL): generated here (seed 2062) and measured once, by the lead, at the start
# of session 37 (2026-12-07, on main 600c7e5, bench/RESULTS.md); tuned on from then (dev seeds 31001-31040, seed 2062 kept).
# AN is held out from its making in session 37 (2026-12-07, helper s47-faman; no page of it read by the reader, any
# seed; made before anything was tuned on AM): generated here (seed 2063) and measured once, by the lead, at the start
# of session 38 (2026-12-07, on main 17528d5, bench/RESULTS.md); tuned on from then (dev seeds 32001-32040, seed 2063 kept).
# AO is held out from its making in session 38 (2026-12-07, helper s48-famao; no page of it read by the reader, any
# seed; made before anything was tuned on AN): generated here (seed 2064) and measured once, by the lead, at the start
# of session 39 (2026-12-07, on main 7d4579c, bench/RESULTS.md); tuned on from then (dev seeds 33001-33040, seed 2064 kept).
# AP is held out from its making in session 39 (2026-12-07, helper s49-famap; no page of it read by the reader, any
# seed; made before anything was tuned on AO): generated here (seed 2065) and measured once, by the lead, at the start
# of session 40 (2026-12-07, on main 8e29965, bench/RESULTS.md); tuned on from then (dev seeds 34001-34040, seed 2065 kept).
# AQ is held out from its making in session 40 (2026-12-07, helper s50-famaq; no page of it read by the reader, any
# seed; made before anything was tuned on AP): generated here (seed 2066) and measured once, by the lead, at the start
# of session 41 (2026-12-07, on main abd8603, bench/RESULTS.md); tuned on from then (dev seeds 35001-35040, seed 2066 kept).
# AR is held out from its making in session 41 (2026-12-07, helper s51-famar; no page of it read by the reader, any
# seed; made before anything was tuned on AQ): generated here (seed 2067) and measured once, by the lead, at the start
# of session 42 (2026-12-07, on main ebf2763, bench/RESULTS.md); tuned on from then (dev seeds 36001-36040, seed 2067 kept).
# AS is held out from its making in session 42 (2026-12-07, helper s52-famas; no page of it read by the reader, any
# seed; made before anything was tuned on AR): generated here (seed 2068) and measured once, by the lead, at the start
# of session 43 (2026-12-08, on main 2ea209d, bench/RESULTS.md); tuned on from then (dev seeds 37001-37040, seed 2068 kept).
# AT is held out from its making in session 43 (2026-12-08, helper s53-famat; no page of it read by the reader, any
# seed; made before anything was tuned on AS): generated here (seed 2069), NOT benched here (no run line) until the lead
# measures it once in a later session (bench/RESULTS.md); its maker's development seeds are 38001-38040.
set -euo pipefail
out=${1:?usage: eval_issue9.sh OUT_DIR [TAG]}; tag=${2:-eval}
mkdir -p "$out"; cd "$out"
gen() { [ -d "$1" ] || archive samples --out "$1" "${@:2}" >/dev/null 2>&1; }
gen AT --pages 16 --seed 2069 --family AT
gen AS --pages 16 --seed 2068 --family AS
gen AR --pages 16 --seed 2067 --family AR
gen AQ --pages 16 --seed 2066 --family AQ
gen AP --pages 16 --seed 2065 --family AP
gen AO --pages 16 --seed 2064 --family AO
gen AN --pages 16 --seed 2063 --family AN
gen AM --pages 16 --seed 2062 --family AM
gen AL --pages 16 --seed 2061 --family AL
gen AK --pages 16 --seed 2060 --family AK
gen AJ --pages 16 --seed 2059 --family AJ
gen AI --pages 16 --seed 2058 --family AI
gen AH --pages 16 --seed 2057 --family AH
gen AG --pages 16 --seed 2056 --family AG
gen AF --pages 16 --seed 2055 --family AF
gen AE --pages 16 --seed 2054 --family AE
gen AD --pages 16 --seed 2053 --family AD
gen AC --pages 16 --seed 2052 --family AC
gen AB --pages 16 --seed 2051 --family AB
gen AA --pages 16 --seed 2050 --family AA
gen Z --pages 16 --seed 2049 --family Z
gen Y --pages 16 --seed 2048 --family Y
gen X --pages 16 --seed 2047 --family X
gen W --pages 16 --seed 2046 --family W
gen V --pages 16 --seed 2045 --family V
gen U --pages 16 --seed 2044 --family U
gen T --pages 16 --seed 2043 --family T
gen S --pages 16 --seed 2042 --family S
gen R --pages 16 --seed 2041 --family R
gen Q --pages 16 --seed 2040 --family Q
gen P --pages 16 --seed 2039 --family P
gen O --pages 16 --seed 2038 --family O
gen N --pages 16 --seed 2037 --family N
gen M --pages 16 --seed 2036 --family M
gen L --pages 16 --seed 2035 --family L
gen K --pages 16 --seed 2034 --family K
gen J --pages 16 --seed 2033 --family J
gen I --pages 16 --seed 2032 --family I; gen H --pages 16 --seed 2031 --family H; gen G --pages 16 --seed 2030 --family G
gen F --pages 16 --seed 2029 --family F; gen E --pages 16 --seed 2028 --family E
gen D --pages 16 --seed 2027 --family D; gen B --pages 12 --seed 303 --family B
gen C --pages 12 --seed 303 --family C; gen hard99 --pages 24 --seed 99 --hard all
gen s777 --pages 60 --seed 777
run() { for s in "$@"; do nice -n 5 archive bench "$s" --json "$s-$tag.json" > "$s-$tag.txt" 2>&1; echo "$s $(date +%H:%M)"; done; }
run AS AR AQ AP AO AN AM AL AK AJ AI AH AG AF AE AD AC AB AA Z Y X W V U T S R & run Q P O N M L K J I H G F E D B C s777 hard99 & wait
