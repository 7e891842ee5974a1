#include "noticearea.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Atelier {

NoticeArea::NoticeArea(bool hasApiKey, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"notices"_s);
    auto *notices = this;
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_keyBanner = new QLabel(notices);
    m_keyBanner->setObjectName(u"keyBanner"_s);
    m_keyBanner->setWordWrap(true);
    m_keyBanner->setTextFormat(Qt::RichText);
    m_keyBanner->setOpenExternalLinks(true);
    m_keyBanner->setFrameShape(QFrame::StyledPanel);
    m_keyBanner->setText(
        tr("<b>No API key yet.</b> Create one at "
           "<a href=\"https://platform.openai.com/api-keys\">platform.openai.com/api-keys</a>, "
           "then set <tt>OPENAI_API_KEY</tt> before starting Atelier, or store it with "
           "<tt>atelier-cli key set</tt>. Everything else works without one."));
    m_keyBanner->setVisible(!hasApiKey);
    layout->addWidget(m_keyBanner);
    auto *notice = new QFrame(notices);
    m_libraryNotice = notice;
    notice->setObjectName(u"libraryNotice"_s);
    notice->setFrameShape(QFrame::StyledPanel);
    auto *noticeLayout = new QHBoxLayout(notice);
    noticeLayout->setContentsMargins(6, 4, 4, 4);
    m_libraryNoticeText = new QLabel(notice);
    m_libraryNoticeText->setTextFormat(Qt::PlainText); // folder names, shown as they are
    m_libraryNoticeText->setWordWrap(true);
    m_libraryNoticeText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    noticeLayout->addWidget(m_libraryNoticeText, 1);
    auto *dismissNotice = new QToolButton(notice);
    dismissNotice->setText(u"×"_s);
    dismissNotice->setAutoRaise(true);
    dismissNotice->setToolTip(tr("Dismiss"));
    dismissNotice->setAccessibleName(tr("Dismiss the library notice"));
    connect(dismissNotice, &QToolButton::clicked, notice, &QWidget::hide);
    noticeLayout->addWidget(dismissNotice, 0, Qt::AlignTop);
    notice->setVisible(false);
    layout->addWidget(notice);
}

void NoticeArea::setKeyMissing(bool missing)
{
    m_keyBanner->setVisible(missing);
}

void NoticeArea::showLibraryNotice(const QString &text)
{
    m_libraryNoticeText->setText(text);
    m_libraryNotice->setVisible(!text.isEmpty());
}

} // namespace Atelier
