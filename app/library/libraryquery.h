#pragma once

#include <QDateTime>
#include <QString>
#include <QVariantList>

#include <utility>

namespace Atelier {

// What the gallery asks for.
struct LibraryQuery
{
    QString text; // full-text search over prompts and revised prompts
    QString model; // empty: any
    QString batch; // the images of one Batch API batch (its id); empty: any
    bool favouritesOnly = false;
    QDateTime from; // invalid: no bound
    QDateTime to;
    int limit = -1;
    // Keyset paging: only the images after this one in the gallery's order (newest first; as
    // old: lower id first), so that a page costs the same however deep it is. 0: from the newest.
    qint64 afterId = 0;
    QDateTime afterSavedAt;

    // The same selection (paging aside).
    bool selectsSameAs(const LibraryQuery &other) const
    {
        return text == other.text && model == other.model && batch == other.batch
            && favouritesOnly == other.favouritesOnly && from == other.from && to == other.to
            && limit == other.limit;
    }
};

// The WHERE clause that selects what `query` asks for from the index's images table (with its
// leading " WHERE "; empty: every image) and the values it binds. `paged`: for a page read along
// the gallery's order, from `afterId` on; false for a count of every match.
std::pair<QString, QVariantList> sqlSelection(const LibraryQuery &query, bool paged);

} // namespace Atelier
