#include "effortsimulator.h"

#include "confidencecalibration.h"
#include "finetuneservice.h"
#include "peopleservice.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QMap>
#include <algorithm>
#include <cmath>

namespace kindred {

namespace {

double round4(double x)
{
    return std::round(x * 10000.0) / 10000.0;
}

} // namespace

EffortSimulator::EffortSimulator(const QString& catalogPath, const LibraryPaths& paths,
                                 const QHash<qint64, QString>& labels)
    : m_catalogPath(catalogPath), m_paths(paths), m_labels(labels)
{
}

QString EffortSimulator::policyName(EffortPolicy policy)
{
    return policy == EffortPolicy::OneByOne ? QStringLiteral("one-by-one") : QStringLiteral("batched");
}

bool EffortSimulator::fail(const QString& message)
{
    m_error = message;
    return false;
}

void EffortSimulator::decide(const QList<qint64>& named, const QString& person)
{
    for (qint64 id : named) {
        const QString label = labelOf(id);
        const auto previous = m_named.constFind(id);
        if (previous != m_named.cend() && !label.isEmpty())
            (*previous == label ? m_right : m_wrong) -= 1;
        m_named.insert(id, person);
        if (!label.isEmpty())
            (person == label ? m_right : m_wrong) += 1;
    }
    m_curve.push_back(m_right);
    for (auto it = m_subsets.cbegin(); it != m_subsets.cend(); ++it) {
        std::vector<int>& curve = m_subsetCurve[it.key()];
        int right = curve.empty() ? 0 : curve.back();
        for (qint64 id : named)
            if (it.value().contains(id))
                right += m_named.value(id) == labelOf(id) ? 1 : 0; // (a face is named once: truthful answers)
        curve.push_back(right);
    }
}

bool EffortSimulator::run(const EffortOptions& options, QJsonObject* report, const std::atomic_bool* cancel)
{
    m_error.clear();
    m_named.clear();
    m_right = m_wrong = 0;
    m_curve.clear();
    m_subsets = options.subsets;
    m_subsetCurve.clear();
    QSet<QString> people;
    m_labelled = 0;
    for (auto it = m_labels.cbegin(); it != m_labels.cend(); ++it)
        if (!it.value().isEmpty()) {
            ++m_labelled;
            people.insert(it.value());
        }

    QElapsedTimer clock;
    clock.start();
    FaceService faces(m_catalogPath, m_paths);
    PeopleService family(m_catalogPath);
    FaceRefreshOptions grouping = options.grouping;
    grouping.recluster = false;
    int groupsNamed = 0, groupsIgnored = 0, takenOut = 0, suggestedRight = 0, suggestedWrong = 0, batches = 0,
        singles = 0, regroups = 0, strangerFaces = 0, sinceRegroup = 0, groupChanges = 0;
    double regroupSeconds = 0, worstRoundPrecision = 1.0;
    QJsonArray wrongExamples, questionExamples;
    int questionsYes = 0, questionsNo = 0, unlabelledNamed = 0, pairsYes = 0, pairsNo = 0, pairsStrangers = 0;
    QJsonArray pairExamples;
    ConfidenceCalibration calibration;         // the suggestions' shown confidence against the answers
    ConfidenceCalibration questionCalibration; // the same for "Is this group X?"
    // The background personalisation (EffortOptions::finetuneEvery), before a regrouping as in the app
    // (whose regrouping follows an adoption).
    int namedAtLastFinetune = 0, finetuneRuns = 0, finetuneAdopted = 0;
    double finetuneSeconds = 0;
    QJsonArray finetuneHistory;
    const auto personalise = [&]() {
        if (options.finetuneEvery <= 0 || int(m_named.size()) - namedAtLastFinetune < options.finetuneEvery)
            return true;
        FinetuneService service(m_catalogPath, m_paths);
        FinetuneOptions finetune;
        finetune.refresh = false; // the regrouping below, with the library's options
        finetune.freeWeight = options.finetuneFreeWeight;
        finetune.togetherWeight = options.finetuneTogetherWeight;
        if (!service.checkData(finetune).isEmpty())
            return true; // not enough names yet: asked again after the next decisions
        namedAtLastFinetune = int(m_named.size());
        FinetuneRun run;
        const FinetuneStatus status = service.run(finetune, &run, {}, cancel);
        if (status == FinetuneStatus::Failed)
            return fail(QStringLiteral("fine-tuning failed: ") + service.errorString());
        if (status != FinetuneStatus::Ok)
            return true; // cancelled (the loop stops next) or not enough data after all
        ++finetuneRuns;
        finetuneAdopted += run.adopted ? 1 : 0;
        finetuneSeconds += run.seconds;
        finetuneHistory.append(QJsonObject{
            {QStringLiteral("after_decisions"), int(m_curve.size())},
            {QStringLiteral("named_share"), round4(m_labelled > 0 ? double(m_right) / m_labelled : 0.0)},
            {QStringLiteral("faces"), run.faces},
            {QStringLiteral("people"), run.people},
            {QStringLiteral("adopted"), run.adopted},
            {QStringLiteral("reason"), run.reason},
            {QStringLiteral("held_out_top1_error"),
             QJsonArray{round4(run.before.top1Error), round4(run.after.top1Error)}},
            {QStringLiteral("held_out_tar"),
             QJsonArray{round4(run.before.tarAtFar), round4(run.after.tarAtFar)}},
            {QStringLiteral("seconds"), round4(run.seconds)}});
        return true;
    };
    const auto regroup = [&]() {
        if (!personalise())
            return false;
        QElapsedTimer t;
        t.start();
        FaceRefreshSummary summary;
        if (!faces.refresh(grouping, &summary, cancel))
            return fail(QStringLiteral("regrouping failed: ") + faces.errorString());
        regroupSeconds += t.elapsed() / 1000.0;
        ++regroups;
        sinceRegroup = groupChanges = 0;
        return true;
    };
    const int maxSteps = 4 * int(m_labels.size()) + 1000; // every step changes the catalog; this never binds
    bool cancelled = false;
    for (int step = 0;; ++step) {
        if (cancel && cancel->load()) {
            cancelled = true;
            break;
        }
        if (step > maxSteps)
            return fail(
                QStringLiteral("the simulated family was still being asked after %1 steps").arg(step));

        // 1. Suggestions, best first.
        const QList<FaceRecord> suggested = faces.suggestions();
        if (!suggested.isEmpty()) {
            int right = 0, wrong = 0;
            const auto answer = [&](const QList<FaceRecord>& batch) {
                QList<qint64> yes, no;
                for (const FaceRecord& s : batch) {
                    const QString label = labelOf(s.id);
                    strangerFaces += label.isEmpty() ? 1 : 0;
                    (label == s.personName ? yes : no).append(s.id);
                    calibration.add(s.suggestionScore, label == s.personName);
                    if (label != s.personName && wrongExamples.size() < 10)
                        wrongExamples.append(
                            QJsonObject{{QStringLiteral("face"), s.id},
                                        {QStringLiteral("person"), label},
                                        {QStringLiteral("suggested"), s.personName},
                                        {QStringLiteral("confidence"), round4(s.suggestionScore)},
                                        {QStringLiteral("after_decisions"), int(m_curve.size())}});
                }
                right += int(yes.size());
                wrong += int(no.size());
                if (!no.isEmpty() && !family.rejectSuggestions(no))
                    return fail(QStringLiteral("rejecting failed: ") + family.errorString());
                if (!yes.isEmpty() && !family.confirmSuggestions(yes))
                    return fail(QStringLiteral("confirming failed: ") + family.errorString());
                return true;
            };
            if (options.policy == EffortPolicy::OneByOne) {
                for (const FaceRecord& s : suggested) {
                    if (!answer({s}))
                        return false;
                    const bool yes = labelOf(s.id) == s.personName;
                    decide(yes ? QList<qint64>{s.id} : QList<qint64>{}, s.personName);
                }
            } else {
                // Per person, the person with most suggestions first (as the Suggestions view's filter
                // offers).
                QMap<qint64, QList<FaceRecord>> byPerson;
                for (const FaceRecord& s : suggested)
                    byPerson[s.personId].append(s);
                QList<QList<FaceRecord>> order = byPerson.values();
                std::stable_sort(order.begin(), order.end(),
                                 [](const auto& a, const auto& b) { return a.size() > b.size(); });
                for (const QList<FaceRecord>& batch : std::as_const(order)) {
                    if (!answer(batch))
                        return false;
                    QList<qint64> yes;
                    for (const FaceRecord& s : batch) {
                        if (labelOf(s.id) == s.personName)
                            yes.append(s.id);
                        else
                            decide(); // taken out of the batch: "not this person"
                    }
                    if (!yes.isEmpty()) {
                        decide(yes, batch.first().personName); // one "Yes" for the rest of the batch
                        ++batches;
                    }
                }
            }
            suggestedRight += right;
            suggestedWrong += wrong;
            worstRoundPrecision = std::min(worstRoundPrecision, double(right) / double(right + wrong));
            if (!regroup())
                return false;
            continue;
        }

        // 2. The app's flow: the questions ("Is this group X?", "Are these two groups one person?"), most
        // faces
        //    decided first, each taken when it decides at least as many faces as naming the largest group
        //    would (the family does what names most first). One answer names (or rejects) the whole group;
        //    the family sees a few of its faces, so a Yes names the faces it did not look at too.
        if (options.policy == EffortPolicy::Batched) {
            const QList<GroupQuestion> asked = faces.groupQuestions(0);
            int largestGroup = 0;
            if (!asked.isEmpty()) {
                const QList<ClusterRecord> sizes = faces.clusters(0);
                largestGroup = sizes.isEmpty() ? 0 : sizes.first().size;
            }
            if (!asked.isEmpty() && asked.first().decidedFaces() >= largestGroup) {
                const GroupQuestion& question = asked.first();
                // Whom a group shows, as the family sees it: the person of most of its faces ("" when most
                // are strangers).
                const auto majorityOf = [&](qint64 cluster, QList<qint64>* members) {
                    QMap<QString, int> votes;
                    int unlabelled = 0;
                    for (const FaceRecord& f : faces.facesOfCluster(cluster)) {
                        members->append(f.id);
                        const QString label = labelOf(f.id);
                        if (label.isEmpty())
                            ++unlabelled;
                        else
                            ++votes[label];
                    }
                    QString majority;
                    for (auto it = votes.cbegin(); it != votes.cend(); ++it)
                        if (it.value() > votes.value(majority) && it.value() > unlabelled)
                            majority = it.key();
                    return majority;
                };
                QList<qint64> members;
                const QString majority = majorityOf(question.clusterId, &members);
                if (question.isPair()) {
                    // "Are these two groups one person?": Yes when both show the same labelled person, and
                    // the family names them in the same answer ("Yes, this is X"). Two groups of strangers
                    // cannot be told apart from the labels: the family says No (kept apart).
                    QList<qint64> others;
                    const QString otherMajority = majorityOf(question.otherClusterId, &others);
                    const bool yes = !majority.isEmpty() && majority == otherMajority;
                    strangerFaces += majority.isEmpty() || otherMajority.isEmpty()
                                         ? int((majority.isEmpty() ? members : others).size())
                                         : 0;
                    QList<qint64> named;
                    if (!family.answerGroupPairQuestion(question.clusterId, question.otherClusterId, yes,
                                                        &named, yes ? majority : QString()))
                        return fail(QStringLiteral("answering failed: ") + family.errorString());
                    (yes ? pairsYes : pairsNo) += 1;
                    pairsStrangers += majority.isEmpty() && otherMajority.isEmpty() ? 1 : 0;
                    if (pairExamples.size() < 500)
                        pairExamples.append(
                            QJsonObject{{QStringLiteral("group_faces"), int(members.size())},
                                        {QStringLiteral("other_faces"), int(others.size())},
                                        {QStringLiteral("majority"), majority},
                                        {QStringLiteral("other_majority"), otherMajority},
                                        {QStringLiteral("yes"), yes},
                                        {QStringLiteral("similarity"), round4(question.similarity)}});
                    if (yes) {
                        for (qint64 id : std::as_const(named))
                            unlabelledNamed +=
                                labelOf(id).isEmpty() ? 1 : 0; // a stranger named with the group
                        decide(named, majority);
                    } else {
                        decide();
                    }
                    ++sinceRegroup;
                    ++groupChanges;
                    continue;
                }
                const bool yes = majority == question.personName;
                strangerFaces += majority.isEmpty() ? int(members.size()) : 0;
                QList<qint64> answered;
                if (!family.answerGroupQuestion(question.clusterId, question.personId, yes, &answered))
                    return fail(QStringLiteral("answering failed: ") + family.errorString());
                if (yes)
                    for (qint64 id : std::as_const(answered))
                        unlabelledNamed += labelOf(id).isEmpty() ? 1 : 0; // a stranger named with the group
                (yes ? questionsYes : questionsNo) += 1;
                questionCalibration.add(double(question.confidence), yes);
                if (questionExamples.size() < 500)
                    questionExamples.append(
                        QJsonObject{{QStringLiteral("group_faces"), int(members.size())},
                                    {QStringLiteral("majority"), majority},
                                    {QStringLiteral("asked"), question.personName},
                                    {QStringLiteral("yes"), yes},
                                    {QStringLiteral("similarity"), round4(question.similarity)},
                                    {QStringLiteral("confidence"), round4(question.confidence)}});
                decide(yes ? answered : QList<qint64>{}, question.personName);
                ++sinceRegroup;
                ++groupChanges;
                continue;
            }
        }

        // 3. Groups, largest first; the app regroups every few decisions.
        if (sinceRegroup >= options.regroupEvery) {
            if (!regroup())
                return false;
            continue;
        }
        const QList<ClusterRecord> groups = faces.clusters(-1);
        if (!groups.isEmpty()) {
            const ClusterRecord& group = groups.first();
            QMap<QString, QList<qint64>> byPerson;
            QList<qint64> unlabelled;
            for (const FaceRecord& f : group.faces) {
                const QString label = labelOf(f.id);
                (label.isEmpty() ? unlabelled : byPerson[label]).append(f.id);
            }
            QString person;
            for (auto it = byPerson.cbegin(); it != byPerson.cend(); ++it)
                if (person.isEmpty() || it.value().size() > byPerson.value(person).size())
                    person = it.key();
            ++sinceRegroup;
            ++groupChanges;
            if (person.isEmpty()) {
                // Strangers only: "ignore this group".
                if (!family.ignoreCluster(group.id))
                    return fail(QStringLiteral("ignoring failed: ") + family.errorString());
                strangerFaces += group.size;
                ++groupsIgnored;
                decide();
                continue;
            }
            const QList<qint64> named = byPerson.value(person);
            QList<qint64> others = unlabelled;
            for (auto it = byPerson.cbegin(); it != byPerson.cend(); ++it)
                if (it.key() != person)
                    others += it.value();
            strangerFaces += int(unlabelled.size());
            if (!family.nameFaces(named, person))
                return fail(QStringLiteral("naming failed: ") + family.errorString());
            if (!others.isEmpty()) {
                const std::optional<PersonSummary> p = family.personByName(person);
                if (!p || !family.rejectFaces(others, p->id))
                    return fail(QStringLiteral("taking faces out failed: ") + family.errorString());
            }
            for (qsizetype i = 0; i < others.size(); ++i)
                decide();
            decide(named, person);
            takenOut += int(others.size());
            ++groupsNamed;
            continue;
        }
        // 4. No group left: regroup once after the last group was named (new suggestions may follow).
        if (groupChanges > 0) {
            if (!regroup())
                return false;
            continue;
        }
        // 5. Faces in no group, best first: the family names those it knows (strangers are passed over).
        qint64 single = 0;
        QString label;
        // Then the faces the app is unsure of (their own row, after the faces in no group).
        for (const FaceRecord& f : faces.unclusteredFaces() + faces.unsureFaces()) {
            label = labelOf(f.id);
            if (!label.isEmpty()) {
                single = f.id;
                break;
            }
        }
        if (single == 0)
            break; // nothing left to ask
        if (!family.nameFaces({single}, label))
            return fail(QStringLiteral("naming failed: ") + family.errorString());
        decide({single}, label);
        ++singles;
        ++sinceRegroup;
    }

    // The curve: share of labelled faces named right after D decisions.
    const int decisions = int(m_curve.size());
    const auto share = [&](int right) { return m_labelled > 0 ? double(right) / m_labelled : 0.0; };
    QJsonObject to;
    int to90 = -1;
    for (const int percent : {50, 80, 90, 95}) {
        int needed = -1;
        for (int d = 0; d < decisions; ++d)
            if (share(m_curve[size_t(d)]) >= percent / 100.0) {
                needed = d + 1;
                break;
            }
        to.insert(QString::number(percent), needed > 0 ? QJsonValue(needed) : QJsonValue());
        if (percent == 90)
            to90 = needed;
    }
    QJsonArray curve;
    const int step = std::max(1, decisions / 50);
    for (int d = 0; d < decisions; d += step)
        curve.append(QJsonArray{d + 1, round4(share(m_curve[size_t(d)]))});
    if (decisions > 0 && (decisions - 1) % step != 0)
        curve.append(QJsonArray{decisions, round4(share(m_curve.back()))});
    QJsonObject bySubset;
    for (auto it = options.subsets.cbegin(); it != options.subsets.cend(); ++it) {
        int members = 0, right = 0;
        for (qint64 id : it.value()) {
            const QString label = labelOf(id);
            if (label.isEmpty())
                continue;
            ++members;
            right += m_named.value(id) == label ? 1 : 0;
        }
        const std::vector<int>& sub = m_subsetCurve[it.key()];
        const auto subShare = [&](int d) {
            return d > 0 && size_t(d) <= sub.size() && members > 0
                       ? round4(double(sub[size_t(d - 1)]) / members)
                       : 0.0;
        };
        bySubset.insert(it.key(), QJsonObject{{QStringLiteral("labelled_faces"), members},
                                              {QStringLiteral("named_share_final"),
                                               round4(members ? double(right) / members : 0)},
                                              {QStringLiteral("named_share_at_90"),
                                               to90 > 0 ? QJsonValue(subShare(to90)) : QJsonValue()}});
    }
    const int namedFaces = int(m_named.size());
    QJsonObject r{
        {QStringLiteral("policy"), policyName(options.policy)},
        {QStringLiteral("labelled_faces"), m_labelled},
        {QStringLiteral("labelled_people"), int(people.size())},
        {QStringLiteral("decisions"), decisions},
        {QStringLiteral("decisions_to"), to},
        {QStringLiteral("decisions_per_person_to_90"),
         to90 > 0 && !people.isEmpty() ? QJsonValue(round4(double(to90) / double(people.size())))
                                       : QJsonValue()},
        {QStringLiteral("named_share_final"), round4(share(m_right))},
        {QStringLiteral("named_faces"), namedFaces},
        {QStringLiteral("wrong_names"), m_wrong},
        {QStringLiteral("wrong_name_share"), round4(namedFaces > 0 ? double(m_wrong) / namedFaces : 0.0)},
        {QStringLiteral("stranger_questions"), strangerFaces},
        {QStringLiteral("groups_named"), groupsNamed},
        {QStringLiteral("faces_taken_out_of_groups"), takenOut},
        {QStringLiteral("groups_ignored"), groupsIgnored},
        {QStringLiteral("suggestions_right"), suggestedRight},
        {QStringLiteral("suggestions_wrong"), suggestedWrong},
        {QStringLiteral("suggestion_batches"), batches},
        {QStringLiteral("suggestion_precision"),
         round4(suggestedRight + suggestedWrong > 0
                    ? double(suggestedRight) / (suggestedRight + suggestedWrong)
                    : 1.0)},
        {QStringLiteral("worst_round_suggestion_precision"), round4(worstRoundPrecision)},
        {QStringLiteral("suggestion_calibration"), calibration.toJson()},
        {QStringLiteral("group_question_calibration"), questionCalibration.toJson()},
        {QStringLiteral("finetune"),
         options.finetuneEvery > 0
             ? QJsonValue(QJsonObject{{QStringLiteral("every"), options.finetuneEvery},
                                      {QStringLiteral("runs"), finetuneRuns},
                                      {QStringLiteral("adopted"), finetuneAdopted},
                                      {QStringLiteral("seconds"), round4(finetuneSeconds)},
                                      {QStringLiteral("history"), finetuneHistory}})
             : QJsonValue()},
        {QStringLiteral("wrong_suggestions"), wrongExamples},
        {QStringLiteral("faces_named_one_by_one"), singles},
        {QStringLiteral("group_questions_yes"), questionsYes},
        {QStringLiteral("unlabelled_faces_named"), unlabelledNamed},
        {QStringLiteral("group_questions_no"), questionsNo},
        {QStringLiteral("group_questions"), questionExamples},
        {QStringLiteral("pair_questions_yes"), pairsYes},
        {QStringLiteral("pair_questions_no"), pairsNo},
        {QStringLiteral("pair_questions_strangers"), pairsStrangers},
        {QStringLiteral("pair_questions"), pairExamples},
        {QStringLiteral("regroups"), regroups},
        {QStringLiteral("regroup_seconds"), round4(regroupSeconds)},
        {QStringLiteral("seconds"), round4(clock.elapsed() / 1000.0)},
        {QStringLiteral("cancelled"), cancelled},
        {QStringLiteral("curve"), curve},
    };
    if (!options.subsets.isEmpty())
        r.insert(QStringLiteral("named_share_by_subset"), bySubset);
    *report = r;
    return true;
}

} // namespace kindred
