#pragma once

#include <QWidget>

class QLabel;

namespace Atelier {

// The lines above the compose column that tell the user something until it is dealt with:
// no API key yet (where to get one), and what opening the library had to do (its index made
// anew, the fallback folder in use), dismissible. Never a dialog.
class NoticeArea final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoticeArea)

public:
    explicit NoticeArea(bool hasApiKey, QWidget *parent = nullptr);

    void setKeyMissing(bool missing);
    // Empty hides the library notice.
    void showLibraryNotice(const QString &text);

private:
    QLabel *m_keyBanner = nullptr;
    QWidget *m_libraryNotice = nullptr;
    QLabel *m_libraryNoticeText = nullptr;
};

} // namespace Atelier
