"""A small eSCL (AirScan) scanner for the tests: http.server on a free loopback port.

It serves the pages it is given (PNG bytes) through the real exchange: capabilities, status, a scan
job posted as ``scan:ScanSettings``, ``NextDocument`` paging (``503`` once before each page, as a
busy scanner does), ``404`` at the end. ``jam_after=N`` jams the feeder after N pages (the status
then says ``ScannerAdfJam``); ``adf_empty`` reports an empty feeder.
"""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

NS = {"scan": "http://schemas.hp.com/imaging/escl/2011/05/03", "pwg": "http://www.pwg.org/schemas/2010/12/sm"}

CAPABILITIES = f"""<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerCapabilities xmlns:scan="{NS['scan']}" xmlns:pwg="{NS['pwg']}">
  <pwg:Version>2.63</pwg:Version><pwg:MakeAndModel>Test eSCL Scanner</pwg:MakeAndModel>
  <scan:Platen><scan:PlatenInputCaps>
    <scan:SettingProfiles><scan:SettingProfile>
      <scan:ColorModes><scan:ColorMode>Grayscale8</scan:ColorMode><scan:ColorMode>RGB24</scan:ColorMode></scan:ColorModes>
      <scan:SupportedResolutions><scan:DiscreteResolutions>
        <scan:DiscreteResolution><scan:XResolution>150</scan:XResolution><scan:YResolution>150</scan:YResolution></scan:DiscreteResolution>
        <scan:DiscreteResolution><scan:XResolution>300</scan:XResolution><scan:YResolution>300</scan:YResolution></scan:DiscreteResolution>
      </scan:DiscreteResolutions></scan:SupportedResolutions>
    </scan:SettingProfile></scan:SettingProfiles>
  </scan:PlatenInputCaps></scan:Platen>
  <scan:Adf>
    <scan:AdfSimplexInputCaps><scan:SettingProfiles><scan:SettingProfile>
      <scan:ColorModes><scan:ColorMode>Grayscale8</scan:ColorMode></scan:ColorModes>
      <scan:SupportedResolutions><scan:DiscreteResolutions>
        <scan:DiscreteResolution><scan:XResolution>300</scan:XResolution><scan:YResolution>300</scan:YResolution></scan:DiscreteResolution>
      </scan:DiscreteResolutions></scan:SupportedResolutions>
    </scan:SettingProfile></scan:SettingProfiles></scan:AdfSimplexInputCaps>
    <scan:AdfDuplexInputCaps/>
  </scan:Adf>
</scan:ScannerCapabilities>
"""


@dataclass
class ScannerState:
    pages: list[bytes]
    jam_after: int | None = None
    adf_empty: bool = False
    jobs: list[dict[str, str]] = field(default_factory=list)  # the settings of each job posted
    served: int = 0
    jammed: bool = False
    ready: dict[int, bool] = field(default_factory=dict)  # page index -> 503 already given


def _status(state: ScannerState) -> bytes:
    adf = "ScannerAdfJam" if state.jammed else ("ScannerAdfEmpty" if state.adf_empty else "ScannerAdfLoaded")
    scanner = "Stopped" if state.jammed else "Idle"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><scan:ScannerStatus xmlns:scan="{NS["scan"]}" xmlns:pwg="{NS["pwg"]}">'
        f"<pwg:Version>2.63</pwg:Version><pwg:State>{scanner}</pwg:State><scan:AdfState>{adf}</scan:AdfState>"
        "</scan:ScannerStatus>"
    ).encode()


def make_handler(state: ScannerState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _send(self, code: int, body: bytes = b"", ctype: str = "text/xml", headers: dict[str, str] | None = None) -> None:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            if self.path == "/eSCL/ScannerCapabilities":
                return self._send(200, CAPABILITIES.encode())
            if self.path == "/eSCL/ScannerStatus":
                return self._send(200, _status(state))
            if self.path.startswith("/eSCL/ScanJobs/") and self.path.endswith("/NextDocument"):
                i = state.served
                if state.jammed or i >= len(state.pages) or (state.jam_after is not None and i >= state.jam_after):
                    state.jammed = state.jam_after is not None and i >= state.jam_after and i < len(state.pages)
                    return self._send(404)
                if not state.ready.get(i):  # a real scanner is busy before each page
                    state.ready[i] = True
                    return self._send(503, headers={"Retry-After": "0"})
                state.served += 1
                return self._send(200, state.pages[i], ctype="image/png")
            return self._send(404)

        def do_POST(self) -> None:  # noqa: N802
            if self.path != "/eSCL/ScanJobs":
                return self._send(404)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            root = ET.fromstring(body)
            settings = {el.tag.split("}")[1]: (el.text or "") for el in root}
            state.jobs.append(settings)
            if settings.get("InputSource") == "Feeder" and state.adf_empty:
                return self._send(409)
            return self._send(201, headers={"Location": f"/eSCL/ScanJobs/job-{len(state.jobs)}"})

    return Handler


class EsclServer:
    """Start with ``with EsclServer(pages) as url: ...``."""

    def __init__(self, pages: list[bytes], **kwargs: object) -> None:
        self.state = ScannerState(pages=pages, **kwargs)  # type: ignore[arg-type]
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(self.state))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> EsclServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
