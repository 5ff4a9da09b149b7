/* link.h — private to src/read: ids and the links between the case's tables
 * (projects → partners → countries, distance from home). No Jansson here:
 * these steps read only the loaded CSV tables. */
#ifndef PV_READ_LINK_H
#define PV_READ_LINK_H

#include "../internal.h"

/**
 * Checks the ids of column col of t (what names them in messages: "project",
 * …): non-empty, printable, at most 200 bytes, unique. With sorted_out, the
 * row indices sorted by id (the index pv_table_find_sorted searches).
 */
int pv_check_ids(pv_error *err, const pv_table *t, int col, const char *what, size_t **sorted_out);

/**
 * Links the tables once their key columns are known: each partner's country
 * row, distance from home and active flag (own agreements only), and each
 * project's partner rows.
 */
int pv_link_partners(pv_case *c, pv_error *err);

/**
 * For an id not found in column col of t: "; did you mean 'X'?" (edit
 * distance <= 2), or a note that it equals a known id once Unicode is
 * normalised (NFC/NFD); "" otherwise.
 */
void pv_unknown_id_hint(const pv_table *t, int col, const char *id, char *hint, size_t size);

#endif
