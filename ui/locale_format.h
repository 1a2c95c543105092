#pragma once
// Dates as the UI shows them: the locale's short date format (QLocale()), always with a 4-digit
// year ("M/d/yy" becomes "M/d/yyyy"): en_US 1/2/2024, de_DE 02.01.2024, zh_CN 2024/1/2. The C
// locale (no locale chosen, as in tests and scripts) keeps ISO 8601 "2024-01-02".
// For display only: sort keys, edit values, files and the CLI stay ISO (see table_export.h).
// GUI thread or any thread; reads QLocale() at each call, so a language change applies at once.

#include <QString>

class QDate;
class QDateTime;

namespace marketlens::core {
class Date;
}

namespace marketlens::ui {

// The QDate/QDateTime format string of displayDate() (also for QDateTimeAxis::setFormat).
QString displayDateFormat();
// Date and time in minutes ("1/2/2024 3:04 PM", "02.01.2024 15:04"), local time as given.
QString displayDateTimeFormat();

QString displayDate(const QDate& date);
QString displayDate(core::Date date);
// Empty for an invalid date-time; shown in `dateTime`'s own time spec (convert first if needed).
QString displayDateTime(const QDateTime& dateTime);
// A chart x value (milliseconds since the epoch at 00:00 UTC) as a date.
QString displayDateMs(qint64 msecsSinceEpoch);

// The date format for QDateTimeAxis labels that show days (spans of weeks or months).
QString displayDateFormatForAxis();

} // namespace marketlens::ui
