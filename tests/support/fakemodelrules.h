#pragma once

#include "openapivalidator.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace AtelierTest {

// A model as GET /models lists it.
struct ServedModel
{
    QString id;
    QDate shutdownDate; // null: no shutdown announced
};

// What the Images API accepts per model, beyond the schema: written from the SDK 7.59 type
// comments and shared/reference/API-2026-12.md, never from Atelier's catalog, so that a wrong
// catalog entry shows as a 400 here.
class FakeModelRules
{
public:
    // A request's parameters by their form names: multipart fields as sent, JSON members as
    // text, objects flattened the way forms carry them (svg[model], svg[reasoning][effort]).
    struct Request
    {
        bool edit = false;
        QHash<QString, QString> fields;
        QStringList files; // names of file parts: image, image[], mask, markup

        static Request fromJson(const QJsonObject &body);
        static Request fromParts(const QList<ReceivedPart> &parts);
        bool has(const QString &name) const
        {
            return fields.contains(name) || files.contains(name);
        }
        QString value(const QString &name) const { return fields.value(name); }
    };

    // OpenAI's image models on 2026-12-01 with their shutdown dates (the deprecations page, as
    // shared/reference/API-2026-12.md gives it).
    static QList<ServedModel> openAiModels();

    // Every way `request` breaks what its model accepts; empty when the model takes it.
    static QStringList violations(const Request &request);
};

} // namespace AtelierTest
