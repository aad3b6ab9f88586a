#ifndef REPORTKIT_CLIBXML2_SHIM_H
#define REPORTKIT_CLIBXML2_SHIM_H
// libxml2 built with ICU pulls in system ICU headers that clash with Foundation's own copy.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xpath.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a global function pointer, which Swift 6 will not call; this wrapper is safe to call.
static inline void reportkit_xmlFree(void *pointer) { xmlFree(pointer); }

/// Silences libxml2's default error printing to stderr: parse errors on broken pages are expected.
static void reportkit_silentErrorHandler(void *context, const char *message, ...) {}
static inline void reportkit_silenceLibXMLErrors(void) {
    xmlSetGenericErrorFunc(NULL, reportkit_silentErrorHandler);
}
#endif
