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
    m_text->setFixedWidth(520); // a fixed width lets the wrapped text get its full height
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
}

QString EmptyStateView::text() const
{
    return m_text->text();
}

} // namespace kindred
