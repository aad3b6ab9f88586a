#ifndef REPORTKIT_CLIBXML2_SHIM_H
#define REPORTKIT_CLIBXML2_SHIM_H
// libxml2 built with ICU pulls in system ICU headers that clash with Foundation's own copy.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xpath.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>
#include <string.h>

/// `xmlFree` is a global function pointer, which Swift 6 will not call; this wrapper is safe to call.
static inline void reportkit_xmlFree(void *pointer) { xmlFree(pointer); }

/// Silences libxml2's default error printing to stderr: parse errors on broken pages are expected.
static void reportkit_silentErrorHandler(void *context, const char *message, ...) {}
static inline void reportkit_silenceLibXMLErrors(void) {
    xmlSetGenericErrorFunc(NULL, reportkit_silentErrorHandler);
}

/// `htmlReadMemory` (libxml2 2.9's `htmlDoRead`) with the SAX handler `sax` in place of libxml2's tree
/// builder: the same context, options and encoding, so the parser reads the page exactly as there. The
/// handler's callbacks get the parser context, whose `_private` is `user`.
static inline void reportkit_htmlSAXParseMemory(
    const char *buffer, int size, const char *encoding, int options, const htmlSAXHandler *sax, void *user) {
    xmlInitParser();
    xmlParserCtxtPtr context = xmlCreateMemoryParserCtxt(buffer, size);
    if (context == NULL) return;
    if (context->sax != NULL) memcpy(context->sax, sax, sizeof(xmlSAXHandlerV1));
    context->_private = user;
    htmlCtxtUseOptions(context, options);
    context->html = 1;
    xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(encoding);
    if (handler != NULL) {
        xmlSwitchToEncoding(context, handler);
        if (context->input->encoding != NULL) xmlFree((xmlChar *) context->input->encoding);
        context->input->encoding = xmlStrdup((const xmlChar *) encoding);
    }
    htmlParseDocument(context);
    if (context->myDoc != NULL) xmlFreeDoc(context->myDoc);
    xmlFreeParserCtxt(context);
}
#endif
