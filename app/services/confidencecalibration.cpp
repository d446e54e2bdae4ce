#include "confidencecalibration.h"

#include <QJsonArray>
#include <cmath>

namespace kindred {

namespace {

double round4(double x)
{
    return std::round(x * 1e4) / 1e4;
}

} // namespace

void ConfidenceCalibration::add(double shown, bool right)
{
    ++m_answered;
    m_right += right ? 1 : 0;
    m_shown += shown;
    const double gap = shown - (right ? 1.0 : 0.0);
    m_squaredGap += gap * gap;
    for (size_t b = 0; b < kBandFloors.size(); ++b)
        if (shown >= kBandFloors[b]) {
            ++m_bands[b].answered;
            m_bands[b].right += right ? 1 : 0;
            m_bands[b].shown += shown;
            break;
        }
}

QJsonObject ConfidenceCalibration::toJson() const
{
    QJsonArray bands;
    for (size_t b = 0; b < kBandFloors.size(); ++b) {
        const Band& band = m_bands[b];
        if (band.answered == 0)
            continue;
        bands.append(
            QJsonObject{{QStringLiteral("shown_from"), kBandFloors[b]},
                        {QStringLiteral("answered"), band.answered},
                        {QStringLiteral("mean_shown"), round4(band.shown / band.answered)},
                        {QStringLiteral("right_share"), round4(double(band.right) / band.answered)}});
    }
    return QJsonObject{{QStringLiteral("answered"), m_answered},
                       {QStringLiteral("right"), m_right},
                       {QStringLiteral("expected_right"), round4(m_shown)},
                       {QStringLiteral("brier"), m_answered > 0 ? round4(m_squaredGap / m_answered) : 0.0},
                       {QStringLiteral("bands"), bands}};
}

} // namespace kindred
