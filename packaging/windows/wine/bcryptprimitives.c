/* Test-only stand-in for Windows 10's bcryptprimitives.dll (wine 8 lacks it): ProcessPrng. */
#include <windows.h>
#include <ntsecapi.h>
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) { return RtlGenRandom(data, (ULONG)len); }
