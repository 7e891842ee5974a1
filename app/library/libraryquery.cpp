#include "libraryquery.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

// FTS5 query from what a person types: every word must appear (as a prefix), quotes escaped.
QString ftsQuery(const QString &text)
{
    QStringList terms;
    const QStringList words = text.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
    for (QString word : words) {
        word.replace(u'"', u"\"\""_s);
        terms.append(u"\""_s + word + u"\"*"_s);
    }
    return terms.join(u' ');
}

} // namespace

std::pair<QString, QVariantList> sqlSelection(const LibraryQuery &request, bool paged)
{
    QStringList conditions;
    QVariantList values;
    if (!request.text.trimmed().isEmpty()) {
        // A page (a limit) is read along the gallery's order, each row checked against the
        // matches ('+': not through the id), which stops at the page's end; otherwise SQLite
        // looks up and sorts every match, which at 100,000 images is ten times slower for a
        // common word.
        conditions.append((paged && request.limit > 0 ? u"+images.id"_s : u"images.id"_s)
                          + u" IN (SELECT rowid FROM images_fts WHERE images_fts MATCH ?)"_s);
        values.append(ftsQuery(request.text));
    }
    if (!request.model.isEmpty()) {
        conditions.append(u"model = ?"_s);
        values.append(request.model);
    }
    if (!request.batch.isEmpty()) {
        // CASE: a column that is not JSON (an index another build wrote) matches nothing rather
        // than failing the whole query.
        conditions.append(
            u"(CASE WHEN json_valid(batch) THEN json_extract(batch, '$.id') END) = ?"_s);
        values.append(request.batch);
    }
    if (request.favouritesOnly)
        conditions.append(u"favourite = 1"_s);
    if (request.from.isValid()) {
        conditions.append(u"saved_at >= ?"_s);
        values.append(request.from.toMSecsSinceEpoch());
    }
    if (request.to.isValid()) {
        conditions.append(u"saved_at <= ?"_s);
        values.append(request.to.toMSecsSinceEpoch());
    }
    if (paged && request.afterId > 0) {
        // A row value: SQLite walks the (saved_at, id) index from the key on.
        conditions.append(u"(saved_at, images.id) < (?, ?)"_s);
        values.append(request.afterSavedAt.toMSecsSinceEpoch());
        values.append(request.afterId);
    }
    return {conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s), values};
}

} // namespace Atelier
