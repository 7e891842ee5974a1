#include "libraryimage.h"

using namespace Qt::StringLiterals;

namespace Atelier {

QJsonObject LibraryImage::toRecipeJson() const
{
    QJsonObject json {{u"request"_s, request.toJson()},
                      {u"width"_s, size.width()},
                      {u"height"_s, size.height()},
                      {u"format"_s, format},
                      {u"saved"_s, savedAt.toString(Qt::ISODateWithMs)}};
    if (!revisedPrompt.isEmpty())
        json.insert(u"revised_prompt"_s, revisedPrompt);
    if (usage.isValid())
        json.insert(u"usage"_s, usage.toJson());
    if (!requestId.isEmpty())
        json.insert(u"request_id"_s, requestId);
    if (!provider.isEmpty())
        json.insert(u"provider"_s, provider);
    if (!edit.isEmpty())
        json.insert(u"edit"_s, edit);
    if (!parentPath.isEmpty())
        json.insert(u"parent"_s, parentPath);
    if (!batch.isEmpty())
        json.insert(u"batch"_s, batch);
    if (favourite)
        json.insert(u"favourite"_s, true);
    return json;
}

LibraryImage LibraryImage::fromRecipeJson(const QJsonObject &json, const QString &path)
{
    LibraryImage image;
    image.path = path;
    image.request = ImageRequest::fromJson(json.value(u"request"_s).toObject());
    image.size = QSize(json.value(u"width"_s).toInt(), json.value(u"height"_s).toInt());
    image.format = json.value(u"format"_s).toString();
    image.savedAt = QDateTime::fromString(json.value(u"saved"_s).toString(), Qt::ISODateWithMs);
    image.revisedPrompt = json.value(u"revised_prompt"_s).toString();
    image.usage = Usage::fromJson(json.value(u"usage"_s).toObject());
    image.requestId = json.value(u"request_id"_s).toString();
    image.provider = json.value(u"provider"_s).toString();
    image.edit = json.value(u"edit"_s).toObject();
    image.parentPath = json.value(u"parent"_s).toString();
    image.batch = json.value(u"batch"_s).toObject();
    image.favourite = json.value(u"favourite"_s).toBool();
    return image;
}

} // namespace Atelier
