/* Test-only stand-in for Windows 10's system icuuc.dll, which wine 8 lacks.
   Qt6Core only uses ICU's converters for legacy codecs; every converter "fails to open". */
#include <stddef.h>
#define X __declspec(dllexport)
X void *ucnv_open(const char *name, int *err) { if (err) *err = 4; return NULL; }
X void ucnv_close(void *c) {}
X void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
X void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
X void ucnv_reset(void *c) {}
X signed char ucnv_getMaxCharSize(void *c) { return 1; }
X const char *ucnv_getName(void *c, int *err) { if (err) *err = 16; return NULL; }
X void ucnv_getToUCallBack(void) {}
X void ucnv_getFromUCallBack(void) {}
X void ucnv_setToUCallBack(void) {}
X void ucnv_setFromUCallBack(void) {}
X void ucnv_cbToUWriteUChars(void) {}
X void ucnv_toUnicode(void) {}
X void ucnv_cbFromUWriteUChars(void) {}
X int ucnv_toUCountPending(void *c, int *err) { return 0; }
X int ucnv_fromUCountPending(void *c, int *err) { return 0; }
X const char *ucnv_getStandardName(const char *n, const char *s, int *err) { return NULL; }
X const char *ucnv_getAvailableName(int n) { return NULL; }
X int ucnv_countAvailable(void) { return 0; }
X void ucnv_fromUnicode(void) {}
