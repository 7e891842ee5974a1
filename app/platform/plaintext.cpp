#include "plaintext.h"

#include <QTextDocument>

namespace Atelier {

QString PlainText::toolTip(const QString &text)
{
    return Qt::mightBeRichText(text) ? Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal) : text;
}

} // namespace Atelier
