#include "ui/locale_format.h"

#include "core/date.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

namespace marketlens::ui {

namespace {
// A year field shorter than 4 letters ("yy" or a lone "y") becomes "yyyy": two-digit years are
// ambiguous in a tool whose data spans decades.
QString withFullYear(QString format)
{
    static const QRegularExpression shortYear(QStringLiteral("(?<!y)y{1,3}(?!y)"));
    format.replace(shortYear, QStringLiteral("yyyy"));
    return format;
}

bool isCLocale(const QLocale& locale)
{
    return locale.language() == QLocale::C;
}
} // namespace

QString displayDateFormat()
{
    const QLocale locale;
    return isCLocale(locale) ? QStringLiteral("yyyy-MM-dd")
                             : withFullYear(locale.dateFormat(QLocale::ShortFormat));
}

QString displayDateTimeFormat()
{
    const QLocale locale;
    if (isCLocale(locale))
        return QStringLiteral("yyyy-MM-dd HH:mm");
    return displayDateFormat() + QLatin1Char(' ') + locale.timeFormat(QLocale::ShortFormat);
}

QString displayDate(const QDate& date)
{
    return date.isValid() ? QLocale().toString(date, displayDateFormat()) : QString();
}

QString displayDate(core::Date date)
{
    return displayDate(QDate(date.year(), date.month(), date.day()));
}

QString displayDateTime(const QDateTime& dateTime)
{
    return dateTime.isValid() ? QLocale().toString(dateTime, displayDateTimeFormat()) : QString();
}

QString displayDateMs(qint64 msecsSinceEpoch)
{
    return displayDate(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC).date());
}

QString displayDateFormatForAxis()
{
    return displayDateFormat();
}

} // namespace marketlens::ui
