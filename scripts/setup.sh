#!/usr/bin/env bash
# Installs everything payroll-archive needs on a fresh Debian machine (run as root).
# Idempotent: packages already present are skipped. Used by the README's two commands and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  tesseract-ocr tesseract-ocr-bul             # OCR
  hunspell-bg                                 # Bulgarian spelling dictionary: is a word of the employer's name a word?
  libtesseract-dev libleptonica-dev g++ pkg-config  # tesserocr built against that same tesseract
  fonts-freefont-ttf fonts-paratype fonts-cmu fonts-gnutypewriter fonts-dejavu-core fonts-dejavu-extra fonts-liberation fonts-anonymous-pro fonts-go fonts-crosextra-carlito fonts-oldstandard fonts-urw-base35 fonts-sil-gentiumplus fonts-noto-mono fonts-jetbrains-mono fonts-linuxlibertine fonts-hack fonts-fantasque-sans fonts-ebgaramond fonts-firacode fonts-sil-charis fonts-sil-andika fonts-3270 fonts-monoid fonts-mononoki fonts-roboto-unhinted fonts-lato fonts-croscore fonts-agave fonts-monofur fonts-sil-doulos-compact fonts-open-sans fonts-cantarell fonts-unifont fonts-roboto-slab fonts-play fonts-pc fonts-klee fonts-kiloji fonts-seto fonts-vollkorn fonts-yanone-kaffeesatz fonts-stix fonts-noto-core fonts-inter fonts-jura fonts-terminus-otb fonts-uralic t1-teams fonts-tuffy fonts-georgewilliams fonts-manrope fonts-liberation2 xfonts-cronyx-misc fonts-ocr-b t1-cyrillic xfonts-base xfonts-cronyx-100dpi scalable-cyrfonts-tex fonts-vlgothic fonts-ipafont-mincho fonts-naver-d2coding fonts-unfonts-extra fonts-unfonts-core fonts-clear-sans fonts-osifont fonts-umeplus fonts-glasstty fonts-morisawa-bizud-mincho fonts-motoya-l-cedar fonts-morisawa-bizud-gothic fonts-migmix fonts-takao-gothic fonts-wqy-microhei fonts-motoya-l-maruberi fonts-baekmuk fonts-nanum  # sample sheets (K: anonymous-pro to oldstandard; L: urw-base35 to noto-mono; M: jetbrains-mono, linuxlibertine; N: hack to ebgaramond; O: firacode to sil-andika; P: 3270 to lato; Q: croscore to sil-doulos-compact; R: open-sans to unifont; S: roboto-slab to pc; T: klee to yanone-kaffeesatz; U: stix to terminus-otb; V: uralic, t1-teams; W: tuffy; X: georgewilliams, manrope; Y: liberation2; Z: xfonts-cronyx-misc, fonts-ocr-b, t1-cyrillic; AA: xfonts-base; AB: xfonts-cronyx-100dpi; AC: scalable-cyrfonts-tex; AD: fonts-vlgothic, fonts-ipafont-mincho; AE: fonts-naver-d2coding; AF: fonts-unfonts-extra; AG: fonts-unfonts-core; AH: fonts-clear-sans; AI: fonts-osifont; AJ: fonts-umeplus; AK: fonts-glasstty; AL: fonts-morisawa-bizud-mincho; AM: fonts-motoya-l-cedar; AN: fonts-morisawa-bizud-gothic; AO: fonts-migmix; AP: fonts-takao-gothic; AQ: fonts-wqy-microhei; AR: fonts-motoya-l-maruberi; AS: fonts-baekmuk; AT: fonts-nanum), certificates
  poppler-utils                               # pdftoppm for the ICDAR benchmark
  redis-server postgresql                     # production backends (integration tests start them)
  sane-utils                                  # scanner drivers (SANE test backend)
  chromium                                    # browser tests (Playwright drives it; no browser download)
)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# SANE's `test` backend gives a virtual scanner for `archive scan` and its tests.
if [ -f /etc/sane.d/dll.conf ] && ! grep -qx "test" /etc/sane.d/dll.conf; then
  echo "test" >> /etc/sane.d/dll.conf
fi

# --no-binary tesserocr: its wheel brings a tesseract of its own; built here it is the system's, the one
# the `tesseract` command (and the benchmark's baseline) runs
python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore --no-binary tesserocr -e ".[dev]"
echo "setup: ready ($(tesseract --version 2>&1 | head -1), $(python3 --version))" >&2
