#include "emptystateview.h"

#include <QLabel>
#include <QVBoxLayout>

namespace kindred {

EmptyStateView::EmptyStateView(Icons::Name icon, const QString& title, const QString& text, QWidget* parent)
    : QWidget(parent)
{
    auto* pic = new QLabel(this);
    pic->setPixmap(Icons::pixmap(icon, 96, palette().color(QPalette::PlaceholderText), devicePixelRatioF()));
    pic->setAlignment(Qt::AlignCenter);
    auto* heading = new QLabel(title, this);
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    f.setBold(true);
    heading->setFont(f);
    heading->setAlignment(Qt::AlignCenter);
    m_text = new QLabel(text, this);
    m_text->setObjectName(QStringLiteral("emptyText"));
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setForegroundRole(QPalette::PlaceholderText);
    m_text->setFixedWidth(520);
    // A label added with an alignment gets its size hint, not its height for width: reserve the wrapped
    // text's full height, or the second line is cut off.
    m_text->setMinimumHeight(m_text->heightForWidth(520));
    auto* l = new QVBoxLayout(this);
    l->addStretch(1);
    l->addWidget(pic);
    l->addSpacing(12);
    l->addWidget(heading);
    l->addWidget(m_text, 0, Qt::AlignHCenter);
    l->addStretch(2);
}

void EmptyStateView::setText(const QString& text)
{
    m_text->setText(text);
    m_text->setMinimumHeight(m_text->heightForWidth(m_text->width()));
}

QString EmptyStateView::text() const
{
    return m_text->text();
}

} // namespace kindred
