"""Confine a query process so that it cannot open internet sockets.

A seccomp filter (Linux, x86_64 and aarch64) makes socket() fail with EACCES for every
address family but AF_UNIX, for the calling process and every thread and child it
starts afterwards. The filter cannot be lifted. It guards against the engine's own
HTTP client (SERVICE); it is not a sandbox against arbitrary code.
"""

import ctypes
import platform
import struct
import sys

# audit architecture and socket() syscall number per machine
_ARCHES = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}
_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2
_LOAD_WORD, _JUMP_IF_EQUAL, _RETURN = 0x20, 0x15, 0x06
_ALLOW, _EACCES = 0x7FFF0000, 0x00050000 | 13
_AF_UNIX = 1


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def available() -> bool:
    """Whether this platform supports the confinement."""
    return sys.platform == "linux" and platform.machine() in _ARCHES


def forbid_internet() -> None:
    """Make every later socket() but AF_UNIX fail in this process; OSError if impossible."""
    if not available():
        raise OSError(f"no network confinement on {sys.platform}/{platform.machine()}")
    arch, socket_call = _ARCHES[platform.machine()]
    program = b"".join(
        [
            _op(_LOAD_WORD, 4),  # seccomp_data.arch
            _op(_JUMP_IF_EQUAL, arch, 1, 0),
            _op(_RETURN, _ALLOW),
            _op(_LOAD_WORD, 0),  # seccomp_data.nr
            _op(_JUMP_IF_EQUAL, socket_call, 1, 0),
            _op(_RETURN, _ALLOW),
            _op(_LOAD_WORD, 16),  # low word of seccomp_data.args[0]: the address family
            _op(_JUMP_IF_EQUAL, _AF_UNIX, 0, 1),
            _op(_RETURN, _ALLOW),
            _op(_RETURN, _EACCES),
        ]
    )
    buffer = ctypes.create_string_buffer(program, len(program))
    fprog = _Program(len(program) // 8, ctypes.addressof(buffer))
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_SECCOMP) failed")


def _op(code: int, k: int, jump_true: int = 0, jump_false: int = 0) -> bytes:
    return struct.pack("HBBI", code, jump_true, jump_false, k)
