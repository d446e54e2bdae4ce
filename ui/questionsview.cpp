#include "questionsview.h"

#include "emptystateview.h"
#include "facecropcache.h"
#include "facelistmodel.h"
#include "icons.h"
#include "peoplecontroller.h"
#include "peopleservice.h"

#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QShortcut>
#include <QStackedLayout>
#include <QStringListModel>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <optional>

namespace kindred {

namespace {

constexpr int kFacesPerSide = 8;

QListView* faceStrip(FaceListModel* model, const QString& name, QWidget* parent)
{
    model->setIconSize(112);
    auto* list = new QListView(parent);
    list->setObjectName(name);
    list->setModel(model);
    list->setViewMode(QListView::IconMode);
    list->setIconSize(QSize(112, 112));
    list->setGridSize(QSize(124, 124));
    list->setMovement(QListView::Static);
    list->setResizeMode(QListView::Adjust);
    list->setUniformItemSizes(true);
    list->setSelectionMode(QAbstractItemView::NoSelection);
    list->setFocusPolicy(Qt::NoFocus);
    list->setWordWrap(true);
    list->setFrameShape(QFrame::NoFrame);
    list->setMinimumHeight(130);
    return list;
}

} // namespace

QuestionsView::QuestionsView(PeopleController* people, FaceCropCache* crops, QWidget* parent)
    : QWidget(parent), m_people(people)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);

    auto* title = new QLabel(tr("Questions"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.4);
    tf.setBold(true);
    title->setFont(tf);
    auto* hint =
        new QLabel(tr("One answer names a whole group or joins two. <b>Y</b>: yes. <b>N</b>: no (never "
                      "asked again). <b>S</b>: skip. Edit ▸ Undo takes an answer back."),
                   this);
    hint->setWordWrap(true);
    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("questionProgress"));
    m_progress->setForegroundRole(QPalette::PlaceholderText);
    m_question = new QLabel(this);
    m_question->setObjectName(QStringLiteral("questionText"));
    QFont qf = m_question->font();
    qf.setPointSizeF(qf.pointSizeF() * 1.25);
    m_question->setFont(qf);
    m_groupTitle = new QLabel(this);
    m_personTitle = new QLabel(this);
    m_groupModel = new FaceListModel(crops, this);
    m_personModel = new FaceListModel(crops, this);
    m_groupList = faceStrip(m_groupModel, QStringLiteral("questionGroup"), this);
    m_personList = faceStrip(m_personModel, QStringLiteral("questionPerson"), this);
    m_yes = new QPushButton(tr("Yes (Y)"), this);
    m_no = new QPushButton(tr("No (N)"), this);
    m_skip = new QPushButton(tr("Skip (S)"), this);
    m_takeOut = new QPushButton(tr("Not in this group (Del)"), this);
    m_takeOut->setToolTip(tr("Select faces of the group that are someone else, then take them out before "
                             "answering."));
    for (QPushButton* b : {m_yes, m_no, m_skip, m_takeOut})
        b->setFocusPolicy(Qt::NoFocus);
    m_pairName = new QLineEdit(this);
    m_pairName->setObjectName(QStringLiteral("pairName"));
    m_pairName->setPlaceholderText(tr("Yes, this is… (type a name, Enter)"));
    m_pairName->setToolTip(tr("Joins the two groups and names them in one answer"));
    m_pairName->setClearButtonEnabled(true);
    m_pairName->setMaximumWidth(320);
    m_names = new QStringListModel(this);
    auto* completer = new QCompleter(m_names, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_pairName->setCompleter(completer);
    connect(m_pairName, &QLineEdit::returnPressed, this, [this] {
        if (!m_pairName->text().simplified().isEmpty())
            answer(true);
    });
    m_groupList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_yes);
    buttons->addWidget(m_no);
    buttons->addWidget(m_skip);
    buttons->addSpacing(12);
    buttons->addWidget(m_takeOut);
    buttons->addWidget(m_pairName, 1);
    buttons->addStretch(1);
    buttons->addWidget(m_progress);

    m_empty = new EmptyStateView(Icons::Name::Suggestions, tr("No questions"),
                                 tr("When a whole group of unknown faces looks like someone you have named, "
                                    "or two groups look like one person, Kindred asks you here, once for the "
                                    "whole group."),
                                 this);
    auto* page = new QWidget(this);
    auto* pl = new QVBoxLayout(page);
    pl->setContentsMargins(0, 0, 0, 0);
    pl->addWidget(hint);
    pl->addSpacing(6);
    pl->addWidget(m_question);
    pl->addLayout(buttons);
    pl->addSpacing(6);
    pl->addWidget(m_groupTitle);
    pl->addWidget(m_groupList, 1);
    pl->addWidget(m_personTitle);
    pl->addWidget(m_personList, 1);
    auto* host = new QWidget(this);
    m_stack = new QStackedLayout(host);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(page);
    auto* l = new QVBoxLayout(this);
    l->setContentsMargins(12, 8, 12, 8);
    l->addWidget(title);
    l->addWidget(host, 1);

    connect(m_yes, &QPushButton::clicked, this, [this] { answer(true); });
    connect(m_no, &QPushButton::clicked, this, [this] { answer(false); });
    connect(m_skip, &QPushButton::clicked, this, &QuestionsView::skip);
    connect(m_takeOut, &QPushButton::clicked, this, &QuestionsView::takeOutSelected);
    const auto key = [this](Qt::Key k, auto slot) {
        auto* s = new QShortcut(QKeySequence(k), this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    key(Qt::Key_Y, [this] { answer(true); });
    key(Qt::Key_N, [this] { answer(false); });
    key(Qt::Key_S, [this] { skip(); });
    key(Qt::Key_Delete, [this] { takeOutSelected(); });
    setFocusPolicy(Qt::StrongFocus);
    showCurrent();
}

QuestionsView::~QuestionsView()
{
    m_pool.waitForDone();
}

void QuestionsView::setLibrary(const QString& catalogPath, const LibraryPaths& paths)
{
    m_catalogPath = catalogPath;
    m_paths = paths;
    m_skipped.clear();
    refresh();
}

void QuestionsView::refresh()
{
    if (m_catalogPath.isEmpty())
        return;
    const QString path = m_catalogPath;
    const LibraryPaths paths = m_paths;
    const quint64 serial = ++m_serial;
    // The pool is waited for in the destructor, so `this` outlives the worker.
    (void)QtConcurrent::run(&m_pool, [this, path, paths, serial] {
        FaceService service(path, paths);
        const QList<GroupQuestion> questions = service.groupQuestions(kFacesPerSide);
        const QString error = service.errorString();
        QStringList names;
        for (const PersonSummary& p : PeopleService(path).persons(true))
            names.append(p.name);
        QMetaObject::invokeMethod(
            this, [this, questions, names, error, serial] { showQuestions(questions, names, error, serial); },
            Qt::QueuedConnection);
    });
}

void QuestionsView::showQuestions(const QList<GroupQuestion>& questions, const QStringList& names,
                                  const QString& error, quint64 serial)
{
    if (serial != m_serial)
        return;
    m_names->setStringList(names);
    // Most faces first, the ones skipped in this session after the others; the question on screen stays on
    // screen while it is still asked (a regrouping after the last answer must not swap it under the key).
    const auto key = [](const GroupQuestion& q) {
        return QPair<qint64, qint64>(q.clusterId, q.isPair() ? -q.otherClusterId : q.personId);
    };
    const std::optional<QPair<qint64, qint64>> shown =
        m_questions.isEmpty() ? std::nullopt : std::optional(key(m_questions.first()));
    m_questions.clear();
    QList<GroupQuestion> later;
    for (const GroupQuestion& q : questions) {
        if (shown && key(q) == *shown)
            m_questions.prepend(q);
        else
            (m_skipped.contains(key(q)) ? later : m_questions).append(q);
    }
    m_questions += later;
    if (!error.isEmpty() && m_questions.isEmpty())
        m_empty->setText(tr("The questions could not be read: %1").arg(error));
    showCurrent();
    Q_EMIT refreshed(int(m_questions.size()));
}

QString QuestionsView::progressText() const
{
    int faces = 0;
    for (const GroupQuestion& q : m_questions)
        faces += q.decidedFaces();
    return tr("%n question(s)", nullptr, int(m_questions.size())) + QStringLiteral(", ") +
           tr("about %n face(s)", nullptr, faces);
}

void QuestionsView::showCurrent()
{
    const GroupQuestion* q = current();
    m_stack->setCurrentIndex(q ? 1 : 0);
    for (QPushButton* b : {m_yes, m_no, m_skip, m_takeOut})
        b->setEnabled(q != nullptr);
    if (!q) {
        m_groupModel->setFaces({});
        m_personModel->setFaces({});
        return;
    }
    m_takeOut->setVisible(!q->isPair());
    m_pairName->setVisible(q->isPair());
    m_groupModel->setFaces(q->groupFaces);
    m_personModel->setFaces(q->personFaces);
    m_progress->setText(progressText());
    if (q->isPair()) {
        m_question->setText(tr("Are these two groups the <b>same person</b>?"));
        m_groupTitle->setText(tr("This group: %n face(s)", nullptr, q->groupSize) +
                              (q->groupFaces.size() < q->groupSize
                                   ? tr(" (the best %1 shown)").arg(q->groupFaces.size())
                                   : QString()));
        m_personTitle->setText(tr("The other group: %n face(s) (%1 % sure)", nullptr, q->faces)
                                   .arg(qRound(q->confidence * 100)));
        return;
    }
    m_question->setText(tr("Is this group <b>%1</b>?").arg(q->personName.toHtmlEscaped()));
    m_groupTitle->setText(
        tr("This group: %n face(s)", nullptr, q->faces) +
        (q->groupFaces.size() < q->faces ? tr(" (the best %1 shown)").arg(q->groupFaces.size()) : QString()));
    m_personTitle->setText(tr("%1, as you named them (%2 % sure)")
                               .arg(q->personName.toHtmlEscaped())
                               .arg(qRound(q->confidence * 100)));
}

void QuestionsView::answer(bool yes)
{
    const GroupQuestion* q = current();
    if (!q)
        return;
    if (q->isPair()) {
        const QString name = yes ? m_pairName->text().simplified() : QString();
        m_people->answerGroupPairQuestion(q->clusterId, q->otherClusterId, yes, name);
        m_pairName->clear();
        setFocus(); // Y / N / S answer the next question
    } else
        m_people->answerGroupQuestion(q->clusterId, q->personId, yes);
    m_questions.removeFirst();
    showCurrent();
}

void QuestionsView::takeOutSelected()
{
    if (m_questions.isEmpty() || m_questions.first().isPair())
        return;
    GroupQuestion& q = m_questions.first();
    QList<qint64> ids;
    for (const QModelIndex& i : m_groupList->selectionModel()->selectedIndexes())
        ids.append(i.data(FaceListModel::FaceIdRole).toLongLong());
    if (ids.isEmpty())
        return;
    m_people->rejectFaces(ids, q.personId);
    const QSet<qint64> gone(ids.cbegin(), ids.cend());
    q.groupFaces.removeIf([&gone](const FaceRecord& f) { return gone.contains(f.id); });
    q.faces -= int(ids.size());
    if (q.faces <= 0)
        m_questions.removeFirst();
    showCurrent();
}

void QuestionsView::skip()
{
    if (m_questions.isEmpty())
        return;
    const GroupQuestion& q = m_questions.first();
    m_skipped.insert({q.clusterId, q.isPair() ? -q.otherClusterId : q.personId});
    m_pairName->clear();
    m_questions.append(m_questions.takeFirst());
    showCurrent();
}

} // namespace kindred
