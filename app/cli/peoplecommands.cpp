// kindred-cli clusters | people | name | confirm | reject | merge | rename | hide | unhide | forget |
// suggestions | undo | redo : naming people from the command line.
#include "clicommand.h"
#include "clifaceindex.h"
#include "clilibrary.h"
#include "faceservice.h"
#include "peopleservice.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace kindred {
namespace {

QJsonObject faceJson(const FaceRecord& f)
{
    QJsonObject o{
        {QStringLiteral("id"), f.id},
        {QStringLiteral("photo"), f.photoPath},
        {QStringLiteral("box"), QJsonArray{f.box.left(), f.box.top(), f.box.right(), f.box.bottom()}},
        {QStringLiteral("score"), double(f.score)},
        {QStringLiteral("quality"), double(f.quality)},
        {QStringLiteral("state"), f.state}};
    if (f.personId > 0)
        o.insert(f.state == QLatin1String("suggested") ? QStringLiteral("suggested_person")
                                                       : QStringLiteral("person"),
                 f.personName);
    if (f.state == QLatin1String("suggested"))
        o.insert(QStringLiteral("confidence"), double(f.suggestionScore));
    return o;
}

QString boxText(const QRectF& b)
{
    return QStringLiteral("[%1, %2, %3, %4]")
        .arg(qRound(b.left()))
        .arg(qRound(b.top()))
        .arg(qRound(b.right()))
        .arg(qRound(b.bottom()));
}

// --help and the options (QCommandLineParser exits on --help and on unknown options).
void parse(QCommandLineParser& parser, const QStringList& args)
{
    parser.addHelpOption();
    parser.process(args);
}

QList<qint64> idValues(const QStringList& values, bool* ok)
{
    QList<qint64> ids;
    *ok = !values.isEmpty();
    for (const QString& v : values)
        for (const QString& part : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool good = false;
            ids.append(part.trimmed().toLongLong(&good));
            *ok = *ok && good && ids.last() > 0;
        }
    return ids;
}

int usage(CliContext& ctx, const QString& command, const QString& message)
{
    ctx.err << "kindred-cli " << command << ": " << message << " (see --help)\n";
    return ExitUsage;
}

// Runs a PeopleService action, then regroups so that suggestions follow the new names.
int act(CliContext& ctx, CliLibrary& library, const QString& command,
        const std::function<bool(PeopleService&)>& action, const QString& done)
{
    PeopleService people(library.catalogPath());
    if (!action(people)) {
        ctx.err << "kindred-cli " << command << ": " << people.errorString() << '\n';
        return ExitFailure;
    }
    CliLibrary::backupAfterNaming(ctx, library.catalogPath());
    if (!CliFaceIndex::refresh(library, ctx))
        return ExitFailure;
    ctx.out << done << '\n';
    return ExitOk;
}

int runClusters(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Unknown faces grouped into clusters (largest first), and the faces that belong to no cluster."));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON on stdout.")});
    parser.addOption({QStringLiteral("limit"),
                      QStringLiteral("Faces listed per cluster in text output (default 8)."),
                      QStringLiteral("N"), QStringLiteral("8")});
    parse(parser, args);
    CliLibrary library(ctx);
    if (!library.isOpen())
        return library.exitCode();
    FaceService faces(library.catalogPath(), library.paths());
    const QList<ClusterRecord> clusters = faces.clusters();
    const QList<FaceRecord> loose = faces.unclusteredFaces();
    if (!faces.errorString().isEmpty()) {
        ctx.err << "kindred-cli clusters: " << faces.errorString() << '\n';
        return ExitLibraryError;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const ClusterRecord& c : clusters) {
            QJsonArray members;
            for (const FaceRecord& f : c.faces)
                members.append(faceJson(f));
            QJsonObject o{{QStringLiteral("id"), c.id},
                          {QStringLiteral("size"), c.size},
                          {QStringLiteral("faces"), members}};
            if (c.suggestedPersonId > 0)
                o.insert(QStringLiteral("suggested_person"), c.suggestedPersonName);
            list.append(o);
        }
        QJsonArray rest;
        for (const FaceRecord& f : loose)
            rest.append(faceJson(f));
        ctx.out << QJsonDocument(
                       QJsonObject{{QStringLiteral("clusters"), list}, {QStringLiteral("unclustered"), rest}})
                       .toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    const int limit = std::max(1, parser.value(QStringLiteral("limit")).toInt());
    for (const ClusterRecord& c : clusters) {
        ctx.out << "cluster " << c.id << ": " << c.size << " faces";
        if (c.suggestedPersonId > 0)
            ctx.out << " (looks like " << c.suggestedPersonName << ")";
        ctx.out << '\n';
        for (int i = 0; i < std::min<int>(limit, int(c.faces.size())); ++i)
            ctx.out << "  face " << c.faces[i].id << "  " << c.faces[i].photoPath << "  "
                    << boxText(c.faces[i].box) << '\n';
        if (c.faces.size() > limit)
            ctx.out << "  ... " << c.faces.size() - limit << " more\n";
    }
    ctx.out << clusters.size() << " clusters, " << loose.size() << " unclustered faces\n";
    return ExitOk;
}

int runPeople(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The people named so far, with their face and photo counts."));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON on stdout.")});
    parse(parser, args);
    CliLibrary library(ctx);
    if (!library.isOpen())
        return library.exitCode();
    PeopleService people(library.catalogPath());
    const QList<PersonSummary> persons = people.persons(true);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const PersonSummary& p : persons)
            list.append(QJsonObject{{QStringLiteral("id"), p.id},
                                    {QStringLiteral("name"), p.name},
                                    {QStringLiteral("hidden"), p.hidden},
                                    {QStringLiteral("faces"), p.faces},
                                    {QStringLiteral("photos"), p.photos},
                                    {QStringLiteral("cover_face"), p.coverFaceId}});
        ctx.out
            << QJsonDocument(QJsonObject{{QStringLiteral("people"), list}}).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const PersonSummary& p : persons)
        ctx.out << p.name << (p.hidden ? " (hidden)" : "") << ": " << p.photos << " photos, " << p.faces
                << " faces\n";
    if (persons.isEmpty())
        ctx.out << "Nobody is named yet: see `kindred-cli clusters` and `kindred-cli name`.\n";
    return ExitOk;
}

int runName(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Name a cluster of faces, or single faces (also to confirm or correct a suggestion). A new name "
        "creates the person; an existing one adds the faces to them."));
    parser.addOption(
        {QStringLiteral("cluster"), QStringLiteral("The cluster to name."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("face"), QStringLiteral("A face to name (repeat, or comma-separate)."),
                      QStringLiteral("ID")});
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The person's name."));
    parse(parser, args);
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1 || pos.first().trimmed().isEmpty())
        return usage(ctx, QStringLiteral("name"),
                     QStringLiteral("give exactly one NAME (quote names with spaces)"));
    const bool byCluster = parser.isSet(QStringLiteral("cluster"));
    if (byCluster == parser.isSet(QStringLiteral("face")))
        return usage(ctx, QStringLiteral("name"), QStringLiteral("give either --cluster ID or --face ID"));
    bool ok = false;
    const QList<qint64> ids =
        idValues(parser.values(byCluster ? QStringLiteral("cluster") : QStringLiteral("face")), &ok);
    if (!ok || (byCluster && ids.size() != 1))
        return usage(ctx, QStringLiteral("name"), QStringLiteral("ids are positive numbers"));
    CliLibrary library(ctx);
    if (!library.isOpen())
        return library.exitCode();
    const QString name = pos.first();
    return act(
        ctx, library, QStringLiteral("name"),
        [&](PeopleService& p) {
            return byCluster ? p.nameCluster(ids.first(), name) : p.nameFaces(ids, name);
        },
        byCluster ? QStringLiteral("Named cluster %1 %2").arg(ids.first()).arg(name)
                  : QStringLiteral("Named %1 face(s) %2").arg(ids.size()).arg(name));
}

int runConfirm(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Accept the suggested person of faces."));
    parser.addOption({QStringLiteral("face"), QStringLiteral("A suggested face (repeat, or comma-separate)."),
                      QStringLiteral("ID")});
    parser.addOption(
        {QStringLiteral("all"), QStringLiteral("Accept every suggestion shown by `suggestions`.")});
    parse(parser, args);
    CliLibrary library(ctx);
    if (!library.isOpen())
        return library.exitCode();
    QList<qint64> ids;
    if (parser.isSet(QStringLiteral("all"))) {
        for (const FaceRecord& f : FaceService(library.catalogPath(), library.paths()).suggestions())
            ids.append(f.id);
        if (ids.isEmpty()) {
            ctx.out << "No suggestions to confirm.\n";
            return ExitOk;
        }
    } else {
        bool ok = false;
        ids = idValues(parser.values(QStringLiteral("face")), &ok);
        if (!ok)
            return usage(ctx, QStringLiteral("confirm"), QStringLiteral("give --face ID or --all"));
    }
    return act(
        ctx, library, QStringLiteral("confirm"), [&](PeopleService& p) { return p.confirmSuggestions(ids); },
        QStringLiteral("Confirmed %1 face(s)").arg(ids.size()));
}

int runReject(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Say a face is not a person: it is never suggested for them again (and leaves them if it was "
        "named so). Without --person, rejects each face's current suggestion."));
    parser.addOption({QStringLiteral("face"), QStringLiteral("The face (repeat, or comma-separate)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("person"), QStringLiteral("Who it is not."), QStringLiteral("NAME")});
    parse(parser, args);
    bool ok = false;
    const QList<qint64> ids = idValues(parser.values(QStringLiteral("face")), &ok);
    if (!ok)
        return usage(ctx, QStringLiteral("reject"), QStringLiteral("give --face ID"));
    CliLibrary library(ctx);
    if (!library.isOpen())
        return library.exitCode();
    if (!parser.isSet(QStringLiteral("person")))
        return act(
            ctx, library, QStringLiteral("reject"),
            [&](PeopleService& p) { return p.rejectSuggestions(ids); },
            QStringLiteral("Rejected the suggestion of %1 face(s)").arg(ids.size()));
    PeopleService people(library.catalogPath());
    const auto person = people.personByName(parser.value(QStringLiteral("person")));
    if (!person) {
        ctx.err << "kindred-cli reject: nobody is called " << parser.value(QStringLiteral("person")) << '\n';
        return ExitFailure;
    }
    return act(
        ctx, library, QStringLiteral("reject"),
        [&](PeopleService& p) { return p.rejectFaces(ids, person->id); },
        QStringLiteral("%1 face(s) are not %2").arg(ids.size()).arg(person->name));
}

int runMerge(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Merge person A into person B (A's faces become B's; undoable)."));
    parser.addPositionalArgument(QStringLiteral("A"), QStringLiteral("The person to merge away."));
    parser.addPositionalArgument(QStringLiteral("B"), QStringLiteral("The person who stays."));
    parse(parser, args);
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2)
        return usage(ctx, QStringLiteral("merge"), QStringLiteral("give two names: A B"));
    CliLibrary library(ctx);
    if (!library.isOpen())
        return library.exitCode();
    return act(
        ctx, library, QStringLiteral("merge"), [&](PeopleService& p) { return p.merge(pos[0], pos[1]); },
        QStringLiteral("Merged %1 into %2").arg(pos[0], pos[1]));
}

int runRename(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Rename a person."));
    parser.addPositionalArgument(QStringLiteral("OLD"), QStringLiteral("Current name."));
    parser.addPositionalArgument(QStringLiteral("NEW"), QStringLiteral("New name."));
    parse(parser, args);
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2)
        return usage(ctx, QStringLiteral("rename"), QStringLiteral("give two names: OLD NEW"));
    CliLibrary library(ctx);
    if (!library.isOpen())
        return library.exitCode();
    return act(
        ctx, library, QStringLiteral("rename"), [&](PeopleService& p) { return p.rename(pos[0], pos[1]); },
        QStringLiteral("Renamed %1 to %2").arg(pos[0], pos[1]));
}

int hideOrShow(const QStringList& args, CliContext& ctx, bool hide)
{
    const QString command = hide ? QStringLiteral("hide") : QStringLiteral("unhide");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        hide ? QStringLiteral(
                   "Ignore strangers (a cluster or single faces), or hide a person from the people list.")
             : QStringLiteral("Show a hidden person again."));
    if (hide) {
        parser.addOption({QStringLiteral("cluster"), QStringLiteral("A cluster of strangers (repeatable)."),
                          QStringLiteral("ID")});
        parser.addOption({QStringLiteral("face"), QStringLiteral("A stranger's face (repeatable)."),
                          QStringLiteral("ID")});
    }
    parser.addOption({QStringLiteral("person"), QStringLiteral("A person."), QStringLiteral("NAME")});
    parse(parser, args);
    CliLibrary library(ctx);
    if (!library.isOpen())
        return library.exitCode();
    if (parser.isSet(QStringLiteral("person"))) {
        const QString name = parser.value(QStringLiteral("person"));
        return act(
            ctx, library, command, [&](PeopleService& p) { return p.setHidden(name, hide); },
            QStringLiteral("%1 %2").arg(hide ? QStringLiteral("Hid") : QStringLiteral("Showed"), name));
    }
    if (hide && parser.isSet(QStringLiteral("cluster"))) {
        bool ok = false;
        const QList<qint64> ids = idValues(parser.values(QStringLiteral("cluster")), &ok);
        if (!ok)
            return usage(ctx, command, QStringLiteral("cluster ids are positive numbers"));
        return act(
            ctx, library, command,
            [&](PeopleService& p) {
                for (qint64 id : ids)
                    if (!p.ignoreCluster(id))
                        return false;
                return true;
            },
            QStringLiteral("Ignored %1 cluster(s)").arg(ids.size()));
    }
    if (hide && parser.isSet(QStringLiteral("face"))) {
        bool ok = false;
        const QList<qint64> ids = idValues(parser.values(QStringLiteral("face")), &ok);
        if (!ok)
            return usage(ctx, command, QStringLiteral("face ids are positive numbers"));
        return act(
            ctx, library, command, [&](PeopleService& p) { return p.ignoreFaces(ids); },
            QStringLiteral("Ignored %1 face(s)").arg(ids.size()));
    }
    return usage(ctx, command,
                 hide ? QStringLiteral("give --cluster ID, --face ID or --person NAME")
                      : QStringLiteral("give --person NAME"));
}

int runHide(const QStringList& args, CliContext& ctx)
{
    return hideOrShow(args, ctx, true);
}

int runUnhide(const QStringList& args, CliContext& ctx)
{
    return hideOrShow(args, ctx, false);
}

int runForget(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Delete a person (their faces go back to unknown), or "
                                                    "take faces out of their person (--face: a split)."));
    parser.addOption(
        {QStringLiteral("person"), QStringLiteral("The person to delete."), QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("face"), QStringLiteral("Faces to take out of their person."), QStringLiteral("ID")});
    parse(parser, args);
    CliLibrary library(ctx);
    if (!library.isOpen())
        return library.exitCode();
    if (parser.isSet(QStringLiteral("person"))) {
        const QString name = parser.value(QStringLiteral("person"));
        return act(
            ctx, library, QStringLiteral("forget"), [&](PeopleService& p) { return p.deletePerson(name); },
            QStringLiteral("Deleted %1; their faces are unknown again").arg(name));
    }
    bool ok = false;
    const QList<qint64> ids = idValues(parser.values(QStringLiteral("face")), &ok);
    if (!ok)
        return usage(ctx, QStringLiteral("forget"), QStringLiteral("give --person NAME or --face ID"));
    return act(
        ctx, library, QStringLiteral("forget"), [&](PeopleService& p) { return p.unassignFaces(ids); },
        QStringLiteral("%1 face(s) are unknown again").arg(ids.size()));
}

int runSuggestions(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Unknown faces that look like someone already named, most confident first. Only suggestions above a "
        "threshold calibrated for 99 % precision on the faces named so far are listed."));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON on stdout.")});
    parse(parser, args);
    CliLibrary library(ctx);
    if (!library.isOpen())
        return library.exitCode();
    const QList<FaceRecord> list = FaceService(library.catalogPath(), library.paths()).suggestions();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray a;
        for (const FaceRecord& f : list)
            a.append(faceJson(f));
        ctx.out
            << QJsonDocument(QJsonObject{{QStringLiteral("suggestions"), a}}).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const FaceRecord& f : list)
        ctx.out << "face " << f.id << " is " << f.personName << "? ("
                << QString::number(f.suggestionScore * 100, 'f', 0) << " %)  " << f.photoPath << "  "
                << boxText(f.box) << '\n';
    ctx.out << list.size()
            << " suggestions; accept with `confirm --face ID`, refuse with `reject --face ID`\n";
    return ExitOk;
}

int runQuestions(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "\"Is this group X?\": unnamed groups that look like a named person as a whole, and \"Are these two "
        "groups one person?\": pairs of unnamed groups, most faces decided first. One answer (`answer GROUP "
        "yes|no`, for a pair `answer GROUP --with OTHER yes|no`) names or rejects every face of the group, "
        "or "
        "joins the two groups or keeps them apart for good."));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON on stdout.")});
    parse(parser, args);
    CliLibrary library(ctx);
    if (!library.isOpen())
        return library.exitCode();
    const FaceService faces(library.catalogPath(), library.paths());
    const QList<GroupQuestion> list = faces.groupQuestions(3);
    int total = 0;
    for (const GroupQuestion& q : list)
        total += q.decidedFaces();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray a;
        for (const GroupQuestion& q : list) {
            QJsonArray shown;
            for (const FaceRecord& f : q.groupFaces)
                shown.append(faceJson(f));
            QJsonObject o{{QStringLiteral("kind"),
                           q.isPair() ? QStringLiteral("same_person") : QStringLiteral("is_person")},
                          {QStringLiteral("group"), q.clusterId},
                          {QStringLiteral("faces"), q.faces},
                          {QStringLiteral("similarity"), double(q.similarity)},
                          {QStringLiteral("confidence"), double(q.confidence)},
                          {QStringLiteral("shown_faces"), shown}};
            if (q.isPair()) {
                QJsonArray other;
                for (const FaceRecord& f : q.personFaces)
                    other.append(faceJson(f));
                o.insert(QStringLiteral("other_group"), q.otherClusterId);
                o.insert(QStringLiteral("other_shown_faces"), other);
            } else {
                o.insert(QStringLiteral("person"), q.personName);
                o.insert(QStringLiteral("person_id"), q.personId);
            }
            a.append(o);
        }
        ctx.out << QJsonDocument(
                       QJsonObject{{QStringLiteral("questions"), a}, {QStringLiteral("faces"), total}})
                       .toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const GroupQuestion& q : list) {
        if (q.isPair())
            ctx.out << "group " << q.clusterId << " and group " << q.otherClusterId << " (" << q.faces
                    << " faces) are one person? (";
        else
            ctx.out << "group " << q.clusterId << " (" << q.faces << " faces) is " << q.personName << "? (";
        ctx.out << QString::number(q.confidence * 100, 'f', 0) << " %)";
        for (const FaceRecord& f : q.groupFaces)
            ctx.out << "  " << f.photoPath;
        if (q.isPair()) {
            ctx.out << "  |";
            for (const FaceRecord& f : q.personFaces)
                ctx.out << "  " << f.photoPath;
        }
        ctx.out << '\n';
    }
    ctx.out << list.size() << " questions, " << total
            << " faces; answer with `answer GROUP yes|no` (two groups: `answer GROUP --with OTHER yes|no`)\n";
    return ExitOk;
}

int runAnswer(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Answers a group question (see `questions`): yes names every unnamed face of the group "
        "after the person asked about, no says of each that it is not that person (never asked "
        "or suggested again). With --with, answers whether two groups are one person: yes joins them, no "
        "keeps "
        "them apart for good. Can be undone."));
    parser.addOption({QStringLiteral("with"), QStringLiteral("The other group of a two-group question."),
                      QStringLiteral("OTHER")});
    parser.addOption(
        {QStringLiteral("name"),
         QStringLiteral("With --with and yes: name the joined group at once (\"yes, this is NAME\")."),
         QStringLiteral("NAME")});
    parser.addPositionalArgument(QStringLiteral("GROUP"), QStringLiteral("The group the question is about."));
    parser.addPositionalArgument(QStringLiteral("ANSWER"), QStringLiteral("yes or no"));
    parse(parser, args);
    const QStringList pos = parser.positionalArguments();
    bool ok = false;
    const qint64 group = pos.value(0).toLongLong(&ok);
    const QString answer = pos.value(1).toLower();
    if (pos.size() != 2 || !ok || group <= 0 ||
        (answer != QLatin1String("yes") && answer != QLatin1String("no")))
        return usage(ctx, QStringLiteral("answer"), QStringLiteral("give a group id and yes or no"));
    CliLibrary library(ctx);
    if (!library.isOpen())
        return library.exitCode();
    qint64 other = 0;
    if (parser.isSet(QStringLiteral("with"))) {
        other = parser.value(QStringLiteral("with")).toLongLong(&ok);
        if (!ok || other <= 0 || other == group)
            return usage(ctx, QStringLiteral("answer"), QStringLiteral("--with takes the other group's id"));
    }
    GroupQuestion asked;
    for (const GroupQuestion& q : FaceService(library.catalogPath(), library.paths()).groupQuestions(0))
        if (other == 0 ? !q.isPair() && q.clusterId == group
                       : q.isPair() && ((q.clusterId == group && q.otherClusterId == other) ||
                                        (q.clusterId == other && q.otherClusterId == group)))
            asked = q;
    if (asked.clusterId == 0) {
        ctx.err << "kindred-cli answer: no question about group " << group;
        if (other != 0)
            ctx.err << " and group " << other;
        ctx.err << " (see `questions`)\n";
        return ExitFailure;
    }
    const bool yes = answer == QLatin1String("yes");
    const QString name = parser.value(QStringLiteral("name")).simplified();
    if (parser.isSet(QStringLiteral("name")) && (!asked.isPair() || !yes || name.isEmpty()))
        return usage(ctx, QStringLiteral("answer"),
                     QStringLiteral("--name goes with a yes to a two-group question, and takes a name"));
    if (asked.isPair())
        return act(
            ctx, library, QStringLiteral("answer"),
            [&](PeopleService& p) {
                return p.answerGroupPairQuestion(asked.clusterId, asked.otherClusterId, yes, nullptr, name);
            },
            yes ? QStringLiteral("group %1 joined group %2 (%3 face(s))%4")
                      .arg(asked.otherClusterId)
                      .arg(asked.clusterId)
                      .arg(asked.faces)
                      .arg(name.isEmpty() ? QString() : QStringLiteral(", named ") + name)
                : QStringLiteral("groups %1 and %2 are different people")
                      .arg(asked.clusterId)
                      .arg(asked.otherClusterId));
    return act(
        ctx, library, QStringLiteral("answer"),
        [&](PeopleService& p) { return p.answerGroupQuestion(asked.clusterId, asked.personId, yes); },
        yes ? QStringLiteral("%1 face(s) named %2").arg(asked.faces).arg(asked.personName)
            : QStringLiteral("%1 face(s) are not %2").arg(asked.faces).arg(asked.personName));
}

int runNotFaces(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Detections hidden as \"not a face\": found by the face check after detection (a hand, an ear, a "
        "pattern) or marked by you. Without options, lists them; --unsure lists instead the faces the check "
        "only just let through (shown apart, never grouped). --mark hides faces as not a face; --restore "
        "brings hidden ones back as unknown faces and says unsure ones are faces (the check never hides "
        "those "
        "again, and they are grouped like any face). Both can be undone."));
    parser.addOption({QStringLiteral("mark"), QStringLiteral("A face that is not a face (repeatable)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("restore"),
                      QStringLiteral("A hidden or unsure face that is a face (repeatable)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("unsure"),
                      QStringLiteral("List the faces the check is unsure of, least sure first.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON on stdout.")});
    parse(parser, args);
    CliLibrary library(ctx);
    if (!library.isOpen())
        return library.exitCode();
    const bool mark = parser.isSet(QStringLiteral("mark"));
    if (mark || parser.isSet(QStringLiteral("restore"))) {
        if (mark && parser.isSet(QStringLiteral("restore")))
            return usage(ctx, QStringLiteral("not-faces"),
                         QStringLiteral("give --mark or --restore, not both"));
        bool ok = false;
        const QList<qint64> ids =
            idValues(parser.values(mark ? QStringLiteral("mark") : QStringLiteral("restore")), &ok);
        if (!ok)
            return usage(ctx, QStringLiteral("not-faces"), QStringLiteral("face ids are positive numbers"));
        return act(
            ctx, library, QStringLiteral("not-faces"),
            [&](PeopleService& p) { return mark ? p.markNotFaces(ids) : p.restoreFaces(ids); },
            mark ? QStringLiteral("%1 face(s) hidden as not a face").arg(ids.size())
                 : QStringLiteral("%1 face(s) restored among the unknown faces").arg(ids.size()));
    }
    const bool unsure = parser.isSet(QStringLiteral("unsure"));
    const FaceService faces(library.catalogPath(), library.paths());
    const QList<FaceRecord> list = unsure ? faces.unsureFaces() : faces.notFaces();
    if (!faces.errorString().isEmpty()) {
        ctx.err << "kindred-cli not-faces: " << faces.errorString() << '\n';
        return ExitLibraryError;
    }
    // The two lists differ only in what is said of each face.
    auto why = [unsure](const FaceRecord& f) {
        return unsure           ? QStringLiteral("face check %1").arg(f.faceCheck, 0, 'f', 2)
               : f.notFace == 2 ? QStringLiteral("you")
               : f.secondBox    ? QStringLiteral("face check: a second box on a face")
                                : QStringLiteral("face check");
    };
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray a;
        for (const FaceRecord& f : list) {
            QJsonObject o = faceJson(f);
            if (!unsure)
                o.insert(QStringLiteral("hidden_by"),
                         f.notFace == 2 ? QStringLiteral("you") : QStringLiteral("face check"));
            if (!unsure && f.notFace == 1)
                o.insert(QStringLiteral("reason"),
                         f.secondBox ? QStringLiteral("second box") : QStringLiteral("unlike a face"));
            if (!std::isnan(f.faceCheck))
                o.insert(QStringLiteral("face_check"), f.faceCheck);
            a.append(o);
        }
        ctx.out << QJsonDocument(
                       QJsonObject{{unsure ? QStringLiteral("unsure") : QStringLiteral("not_faces"), a}})
                       .toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const FaceRecord& f : list)
        ctx.out << "face " << f.id << " (" << why(f) << ")  " << f.photoPath << "  " << boxText(f.box)
                << '\n';
    if (unsure)
        ctx.out << list.size()
                << " the face check is unsure of (not grouped); say one is a face with `not-faces --restore "
                   "ID`, or hide it with `not-faces --mark ID`\n";
    else
        ctx.out << list.size() << " hidden as not a face; bring one back with `not-faces --restore ID`\n";
    return ExitOk;
}

int undoRedo(const QStringList& args, CliContext& ctx, bool undo)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(undo ? QStringLiteral("Undo the last naming action.")
                                          : QStringLiteral("Redo the last undone naming action."));
    parse(parser, args);
    CliLibrary library(ctx);
    if (!library.isOpen())
        return library.exitCode();
    PeopleService people(library.catalogPath());
    const QString label = undo ? people.undoLabel() : people.redoLabel();
    if (label.isEmpty()) {
        ctx.out << (undo ? "Nothing to undo.\n" : "Nothing to redo.\n");
        return ExitOk;
    }
    return act(
        ctx, library, undo ? QStringLiteral("undo") : QStringLiteral("redo"),
        [&](PeopleService& p) { return undo ? p.undo() : p.redo(); },
        QStringLiteral("%1: %2").arg(undo ? QStringLiteral("Undone") : QStringLiteral("Redone"), label));
}

int runUndo(const QStringList& args, CliContext& ctx)
{
    return undoRedo(args, ctx, true);
}

int runRedo(const QStringList& args, CliContext& ctx)
{
    return undoRedo(args, ctx, false);
}

const bool registered =
    registerCliCommand(
        {QStringLiteral("clusters"), QStringLiteral("list groups of unknown faces"), &runClusters}) &&
    registerCliCommand({QStringLiteral("people"), QStringLiteral("list named people"), &runPeople}) &&
    registerCliCommand({QStringLiteral("name"), QStringLiteral("name a cluster or faces"), &runName}) &&
    registerCliCommand({QStringLiteral("confirm"), QStringLiteral("accept suggestions"), &runConfirm}) &&
    registerCliCommand({QStringLiteral("reject"), QStringLiteral("say a face is not someone"), &runReject}) &&
    registerCliCommand({QStringLiteral("merge"), QStringLiteral("merge two people"), &runMerge}) &&
    registerCliCommand({QStringLiteral("rename"), QStringLiteral("rename a person"), &runRename}) &&
    registerCliCommand(
        {QStringLiteral("hide"), QStringLiteral("ignore strangers or hide a person"), &runHide}) &&
    registerCliCommand(
        {QStringLiteral("unhide"), QStringLiteral("show a hidden person again"), &runUnhide}) &&
    registerCliCommand(
        {QStringLiteral("forget"), QStringLiteral("delete a person or split faces off"), &runForget}) &&
    registerCliCommand(
        {QStringLiteral("suggestions"), QStringLiteral("list suggested names"), &runSuggestions}) &&
    registerCliCommand({QStringLiteral("questions"),
                        QStringLiteral("list \"is this group X?\" and \"one person?\" questions"),
                        &runQuestions}) &&
    registerCliCommand({QStringLiteral("answer"), QStringLiteral("answer a group question"), &runAnswer}) &&
    registerCliCommand({QStringLiteral("not-faces"),
                        QStringLiteral("list, mark or restore detections hidden as not a face"),
                        &runNotFaces}) &&
    registerCliCommand({QStringLiteral("undo"), QStringLiteral("undo the last naming action"), &runUndo}) &&
    registerCliCommand({QStringLiteral("redo"), QStringLiteral("redo an undone naming action"), &runRedo});

} // namespace
} // namespace kindred
