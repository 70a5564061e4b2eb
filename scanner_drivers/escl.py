"""eSCL (AirScan) driver: the driverless protocol of nearly every network scanner, spoken over HTTP.

The exchange (Mopria eSCL 2.x):

1. ``GET /eSCL/ScannerCapabilities`` — sources (``Platen``, ``Adf`` with simplex/duplex), resolutions,
   colour modes; a request the scanner cannot do is refused here, before a job starts;
2. ``GET /eSCL/ScannerStatus`` — an empty feeder is reported before the job;
3. ``POST /eSCL/ScanJobs`` with the ``scan:ScanSettings`` document — ``201`` and the job's
   ``Location``;
4. ``GET <job>/NextDocument`` until ``404`` (no more pages); ``503`` means "not ready yet, ask again";
   a ``404`` whose status says ``ScannerAdfJam`` (or any error state) ends the scan with the reason in
   words, after the pages already scanned.

Any failure raises ``ScannerError`` with a Bulgarian reason and what to do.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlparse

import httpx

from .base import CapturedPage, ScannerError, sniff_content_type

NS = {
    "scan": "http://schemas.hp.com/imaging/escl/2011/05/03",
    "pwg": "http://www.pwg.org/schemas/2010/12/sm",
}
SOURCES = {"flatbed": "Platen", "adf": "Feeder", "duplex": "Feeder"}
COLOURS = {"gray": "Grayscale8", "color": "RGB24", "bw": "BlackAndWhite1"}

# Scanner states in words (pwg:State, scan:AdfState and job state reasons).
STATE_WORDS = {
    "ScannerAdfEmpty": "подаващото устройство е празно — поставете листовете в него и продължете",
    "ScannerAdfJam": "лист е заседнал в подаващото устройство — извадете го внимателно, изправете го"
    " и продължете сканирането",
    "ScannerAdfMispick": "подаващото устройство поема няколко листа наведнъж — разлистете ги и продължете",
    "ScannerAdfDuplexPageTooShort": "листът е твърде къс за двустранно сканиране — сканирайте го от стъклото",
    "ScannerAdfDuplexPageTooLong": "листът е твърде дълъг за двустранно сканиране — сканирайте го от стъклото",
    "ScannerAdfHatchOpen": "капакът на подаващото устройство е отворен — затворете го и продължете",
    "ScannerAdfMultipickDetected": "подаващото устройство пое няколко листа наведнъж — разлистете ги и продължете",
    "ScannerAdfInputTrayFailed": "подаващото устройство не работи — проверете го и продължете",
    "Stopped": "скенерът е спрял (грешка на устройството) — проверете го и продължете",
    "Down": "скенерът не работи — включете го отново и продължете",
}


def _text(el: ET.Element | None, path: str) -> str | None:
    if el is None:
        return None
    found = el.find(path, NS)
    return found.text.strip() if found is not None and found.text else None


@dataclass
class Capabilities:
    sources: dict[str, list[int]] = field(default_factory=dict)  # "Platen"/"Adf" -> resolutions
    colour_modes: set[str] = field(default_factory=set)
    duplex: bool = False
    make_and_model: str | None = None


def parse_capabilities(xml: bytes) -> Capabilities:
    root = ET.fromstring(xml)
    caps = Capabilities(make_and_model=_text(root, "pwg:MakeAndModel"))
    for tag, name in (("scan:Platen/scan:PlatenInputCaps", "Platen"), ("scan:Adf/scan:AdfSimplexInputCaps", "Adf")):
        el = root.find(tag, NS)
        if el is None:
            continue
        res = sorted(
            {int(x.text) for x in el.iterfind(".//scan:DiscreteResolution/scan:XResolution", NS) if x.text}
        )
        caps.sources[name] = res
        caps.colour_modes |= {x.text for x in el.iterfind(".//scan:ColorMode", NS) if x.text}
    caps.duplex = root.find("scan:Adf/scan:AdfDuplexInputCaps", NS) is not None
    return caps


def scan_settings_xml(*, source: str, resolution: int, colour: str, fmt: str = "image/png") -> str:
    duplex = "<scan:Duplex>true</scan:Duplex>" if source == "duplex" else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<scan:ScanSettings xmlns:scan="{NS["scan"]}" xmlns:pwg="{NS["pwg"]}">'
        "<pwg:Version>2.63</pwg:Version><scan:Intent>Document</scan:Intent>"
        f"<pwg:InputSource>{SOURCES[source]}</pwg:InputSource>{duplex}"
        f"<scan:ColorMode>{COLOURS[colour]}</scan:ColorMode>"
        f"<scan:XResolution>{resolution}</scan:XResolution><scan:YResolution>{resolution}</scan:YResolution>"
        f"<pwg:DocumentFormat>{fmt}</pwg:DocumentFormat><scan:DocumentFormatExt>{fmt}</scan:DocumentFormatExt>"
        "</scan:ScanSettings>"
    )


def status_problem(xml: bytes, *, adf: bool) -> str | None:
    """The scanner's state in words when it is one that stops a scan, else None."""
    root = ET.fromstring(xml)
    state = _text(root, "pwg:State")
    adf_state = _text(root, "scan:AdfState")
    if adf and adf_state in STATE_WORDS:
        return STATE_WORDS[adf_state]
    if state in STATE_WORDS:
        return STATE_WORDS[state]
    for reason in root.iterfind(".//pwg:JobStateReason", NS):
        if reason.text and reason.text.strip() in STATE_WORDS:
            return STATE_WORDS[reason.text.strip()]
    return None


class EsclDriver:
    """Pages from an eSCL scanner at ``url`` (e.g. ``http://192.168.1.20:80``)."""

    def __init__(
        self,
        url: str,
        *,
        source: str = "flatbed",
        resolution: int = 300,
        colour: str = "gray",
        timeout: float = 60.0,
        busy_wait: float = 0.2,
        client: httpx.Client | None = None,
    ) -> None:
        if source not in SOURCES:
            raise ScannerError(f"непознат източник {source!r} — изберете flatbed, adf или duplex")
        if colour not in COLOURS:
            raise ScannerError(f"непознат цветови режим {colour!r} — изберете gray, color или bw")
        self.url = url.rstrip("/") + "/"
        self.source, self.resolution, self.colour = source, resolution, colour
        self.timeout, self.busy_wait = timeout, busy_wait
        self.client = client or httpx.Client(timeout=timeout)
        self.name = f"escl:{urlparse(self.url).netloc}"
        self.scanned = 0

    def _get(self, path: str) -> httpx.Response:
        try:
            return self.client.get(urljoin(self.url, path))
        except httpx.HTTPError as e:
            raise ScannerError(f"скенерът {self.url} не отговаря ({e}) — проверете мрежата и захранването") from None

    def capabilities(self) -> Capabilities:
        r = self._get("eSCL/ScannerCapabilities")
        if r.status_code != 200:
            raise ScannerError(f"{self.url} не е eSCL скенер (отговор {r.status_code}) — проверете адреса")
        return parse_capabilities(r.content)

    def _check_request(self, caps: Capabilities) -> None:
        key = "Platen" if self.source == "flatbed" else "Adf"
        if key not in caps.sources:
            raise ScannerError(
                f"скенерът няма {'стъкло' if key == 'Platen' else 'подаващо устройство'} — изберете друг източник"
            )
        if self.source == "duplex" and not caps.duplex:
            raise ScannerError("скенерът не сканира двустранно — изберете --source adf")
        resolutions = caps.sources[key]
        if resolutions and self.resolution not in resolutions:
            shown = ", ".join(str(r) for r in resolutions)
            raise ScannerError(f"скенерът не поддържа {self.resolution} dpi (може: {shown}) — изберете една от тях")
        if caps.colour_modes and COLOURS[self.colour] not in caps.colour_modes:
            raise ScannerError(f"скенерът не поддържа режим {self.colour} — изберете друг --colour")

    def _problem_now(self) -> str | None:
        r = self._get("eSCL/ScannerStatus")
        return status_problem(r.content, adf=self.source != "flatbed") if r.status_code == 200 else None

    def pages(self) -> Iterator[CapturedPage]:
        self._check_request(self.capabilities())
        problem = self._problem_now()
        if problem:
            raise ScannerError(problem)
        body = scan_settings_xml(source=self.source, resolution=self.resolution, colour=self.colour)
        try:
            r = self.client.post(
                urljoin(self.url, "eSCL/ScanJobs"), content=body, headers={"Content-Type": "text/xml"}
            )
        except httpx.HTTPError as e:
            raise ScannerError(f"скенерът {self.url} не отговаря ({e}) — проверете мрежата") from None
        if r.status_code != 201 or "location" not in r.headers:
            raise ScannerError(
                self._problem_now() or f"скенерът отказа задачата (отговор {r.status_code}) — опитайте отново"
            )
        job = urljoin(self.url, r.headers["location"]).rstrip("/") + "/"
        deadline = time.monotonic() + self.timeout
        while True:
            d = self._get(urljoin(job, "NextDocument"))
            if d.status_code == 503:  # not ready yet
                if time.monotonic() > deadline:
                    raise ScannerError(f"скенерът не върна страница за {self.timeout:.0f} s — проверете го")
                time.sleep(self.busy_wait)
                continue
            if d.status_code == 404:  # no more pages, or the job stopped: the status tells which
                problem = self._problem_now()
                if problem and not (self.scanned and "празно" in problem):
                    raise ScannerError(f"след страница {self.scanned}: {problem}")
                return
            if d.status_code != 200:
                raise ScannerError(f"след страница {self.scanned}: скенерът върна грешка {d.status_code}")
            self.scanned += 1
            deadline = time.monotonic() + self.timeout
            data = d.content
            yield CapturedPage(
                data,
                sniff_content_type(data) or d.headers.get("content-type", "application/octet-stream"),
                f"{self.name}#{self.scanned}",
                page_no=self.scanned,
                dpi=self.resolution,
            )
