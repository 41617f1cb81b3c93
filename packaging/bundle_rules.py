"""What the bundle carries and what it leaves to the computer it runs on: the one place for it.

Read by `packaging/recoveryjournal.spec` (what PyInstaller collects) and by `packaging/audit_bundle.py` (what a
built bundle may hold, and the newest glibc it may ask for). See docs/packaging.md, "Which Linux it runs on".
"""

from __future__ import annotations

import re

#: The oldest glibc a Linux bundle runs on unless the build says otherwise (GLIBC_FLOOR=2.31 in the Debian 11
#: root): Ubuntu 22.04 LTS has 2.35. Qt's own wheels need 2.28.
GLIBC_FLOOR = (2, 35)

#: Libraries every Linux desktop that can show a window already has, and that must come from it: the GTK
#: stack and its theme (a bundled copy older than the host's theme or GPU driver is the classic crash),
#: printing (CUPS and what it links), GLib/GIO, D-Bus, core X11/xcb, GL/EGL/DRM/Wayland, fonts, the C++ and
#: GCC runtimes, and the small system libraries those pull in. Matched on the file name's stem (before .so).
# fmt: off
HOST_LIBRARIES = (
    "libgtk-3", "libgdk-3", "libgdk_pixbuf-2.0", "libcairo", "libcairo-gobject", "libpango-1.0",
    "libpangocairo-1.0", "libpangoft2-1.0", "libatk-1.0", "libatk-bridge-2.0", "libatspi", "libepoxy",
    "libharfbuzz", "libfribidi", "libthai", "libdatrie", "libgraphite2", "libpixman-1", "libpng16", "libjpeg",
    "librsvg-2", "libcups", "libavahi-client", "libavahi-common", "libgnutls", "libnettle", "libhogweed", "libgmp",
    "libtasn1", "libp11-kit", "libidn2", "libunistring", "libgssapi_krb5", "libkrb5", "libk5crypto",
    "libkrb5support", "libcom_err", "libkeyutils", "libglib-2.0", "libgobject-2.0", "libgio-2.0", "libgmodule-2.0",
    "libgthread-2.0", "libdbus-1", "libsystemd", "libmount", "libblkid", "libselinux", "libpcre", "libpcre2-8",
    "liblz4", "libgcrypt", "libgpg-error", "libcap", "libzstd", "libbsd", "libmd", "libresolv", "libX11",
    "libX11-xcb", "libXau", "libXdmcp", "libXext", "libXrender", "libXi", "libXfixes", "libXcursor", "libXrandr",
    "libXinerama", "libxcb", "libxcb-render", "libxcb-shm", "libxcb-glx", "libxcb-xfixes", "libxcb-randr",
    "libxcb-shape", "libxcb-sync", "libxcb-xkb", "libxcb-xinerama", "libxcb-present", "libxcb-dri2", "libxcb-dri3",
    "libGL", "libEGL", "libGLX", "libGLdispatch", "libOpenGL", "libGLESv2", "libdrm", "libgbm", "libwayland-client",
    "libwayland-cursor", "libwayland-egl", "libwayland-server", "libvulkan", "libfontconfig", "libfreetype",
    "libexpat", "libuuid", "libbrotlicommon", "libbrotlidec", "libstdc++", "libgcc_s",
)
# fmt: on

#: Qt's own catalogues for the languages the app speaks.
QT_LANGUAGES = ("en", "es")

#: Babel's data for the languages the app speaks (every region of each) and the root they inherit from;
#: the other 800 locales would add ~30 MB.
BABEL_LOCALES = ("root", "en", "es")

#: Parts of the wheels the app never loads (matched anywhere in a collected file's path).
# fmt: off
DROP = (
    # Qt modules, plugins and data the app doesn't use; GTK's theme plugin (it would drag GTK, cairo and pango
    # in: Qt's own Fusion style serves instead); matplotlib's sample data and toolbar images (the app draws with
    # the Figure API, no toolbar), the fonts of the PDF/PS backends it never uses, and every font but DejaVu Sans
    # (the charts' only font)
    "plugins/qmltooling", "plugins/qmllint", "plugins/designer", "plugins/sqldrivers", "plugins/tls",
    "plugins/networkinformation", "plugins/wayland-graphics-integration-server", "plugins/egldeviceintegrations",
    "plugins/vectorimageformats", "/qml/", "Qt6Quick", "Qt6Qml", "Qt6Pdf", "Qt6VirtualKeyboard", "Qt6Designer",
    "Qt6Network", "Qt6Sql", "Qt6Test", "Qt6Xml", "Qt6OpenGLWidgets", "Qt6Concurrent", "Qt6Help", "Qt6UiTools",
    "libQt6Quick", "libQt6Qml", "libQt6Pdf", "libQt6VirtualKeyboard", "libQt6Designer", "libQt6Sql", "libQt6Test",
    "libQt6Xml", "libQt6ShaderTools", "libQt6Multimedia", "libQt6SpatialAudio", "plugins/imageformats/libqpdf",
    "plugins/imageformats/libqwebp", "plugins/imageformats/libqtiff", "plugins/platforms/libqvnc",
    "plugins/platforms/libqlinuxfb", "plugins/platforms/libqeglfs", "plugins/platforms/libqminimalegl",
    "plugins/platforms/libqvkkhrdisplay", "plugins/platformthemes/libqgtk3", "plugins/generic/",
    "libQt6EglFSDeviceIntegration", "libQt6EglFsKmsSupport",
    "plugins/wayland-graphics-integration-client/libvulkan",
    "plugins/wayland-graphics-integration-client/libdmabuf",
    "plugins/wayland-graphics-integration-client/libdrm-egl",
    "plugins/wayland-graphics-integration-client/libshm-emulation",
    "plugins/wayland-shell-integration/libivi-shell", "plugins/wayland-shell-integration/libfullscreen-shell",
    "plugins/wayland-shell-integration/libwl-shell", "plugins/imageformats/libqtga",
    "plugins/imageformats/libqwbmp", "plugins/imageformats/libqgif", "plugins/imageformats/libqjpeg",
    "mpl-data/sample_data", "mpl-data/images/", "mpl-data/fonts/afm/", "mpl-data/fonts/pdfcorefonts/",
    "fonts/ttf/DejaVuSerif", "fonts/ttf/DejaVuSansMono", "fonts/ttf/DejaVuSansDisplay", "fonts/ttf/STIX",
    "fonts/ttf/cm",
)
# fmt: on

#: Qt's catalogues: `qt_es.qm` (which names the others) and `qtbase_es.qm` are the ones the app loads.
_QT_CATALOGUE = re.compile(r"(?:^|/)translations/(\w+?)_([a-z]{2,3})(?:_[A-Za-z]+)?\.qm$")


def library_stem(name: str) -> str:
    """`libfoo-1.0.so.0.2` → `libfoo-1.0`: a shared library's name without its version and folder."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base.split(".so", 1)[0]


def left_to_host(name: str) -> bool:
    """True for a library the computer the bundle runs on must provide (never the wheels' own `*.libs`, whose
    names carry a hash: `libXau-154567c4.so.6` is pillow's own copy, not the host's)."""
    path = name.replace("\\", "/")
    if ".libs/" in path:
        return False
    return library_stem(path) in HOST_LIBRARIES


def keep(name: str) -> bool:
    """Should a file PyInstaller collected go into the bundle?"""
    path = name.replace("\\", "/")
    if "babel/locale-data/" in path:
        return path.rsplit("/", 1)[-1].split(".")[0].split("_")[0] in BABEL_LOCALES
    catalogue = _QT_CATALOGUE.search(path)
    if catalogue is not None and "PySide6" in path:
        return catalogue.group(1) in ("qt", "qtbase") and catalogue.group(2) in QT_LANGUAGES
    if any(part in path for part in DROP):
        return False
    return not left_to_host(path)
