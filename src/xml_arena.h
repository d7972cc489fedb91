/* A per-thread arena for libxml2's allocations while dyad parses a page. */
#ifndef DYAD_XML_ARENA_H
#define DYAD_XML_ARENA_H

/* Allocations libxml2 makes in this thread between begin and end come from
 * the thread's arena (when dyad_use_html_arena() installed it; else these do
 * nothing); end forgets them all at once: everything libxml2 allocated in
 * between must have been freed, or be dropped unread, by then. */
void dyad_xml_arena_begin(void);
void dyad_xml_arena_end(void);

#endif
