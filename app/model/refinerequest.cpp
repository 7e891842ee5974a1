#include "refinerequest.h"

#include "jsonvalues.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Atelier {

QJsonObject RefineRequest::toJson() const
{
    QJsonObject json;
    json.insert(u"api"_s, u"responses"_s);
    if (!responsesModel.isEmpty())
        json.insert(u"responses_model"_s, responsesModel);
    json.insert(u"prompt"_s, prompt);
    if (!images.isEmpty())
        json.insert(u"images"_s, QJsonArray::fromStringList(images));
    if (!previousResponseId.isEmpty())
        json.insert(u"previous_response_id"_s, previousResponseId);
    if (stream)
        json.insert(u"stream"_s, true);
    json.insert(u"tool"_s, objectOf(tool));
    return json;
}

RefineRequest RefineRequest::fromJson(const QJsonObject &json)
{
    RefineRequest request;
    request.responsesModel = json.value(u"responses_model"_s).toString();
    request.prompt = json.value(u"prompt"_s).toString();
    request.images = stringsOf(json.value(u"images"_s));
    request.previousResponseId = json.value(u"previous_response_id"_s).toString();
    request.stream = json.value(u"stream"_s).toBool(false);
    request.tool = mapOf(json.value(u"tool"_s).toObject());
    return request;
}

bool operator==(const RefineRequest &a, const RefineRequest &b)
{
    return a.responsesModel == b.responsesModel && a.prompt == b.prompt && a.images == b.images
        && a.previousResponseId == b.previousResponseId && a.stream == b.stream && a.tool == b.tool;
}

} // namespace Atelier
