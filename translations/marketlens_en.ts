<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>marketlens::ui::ImportController</name>
    <message numerus="yes">
        <source>Importing %n files</source>
        <translation>
            <numerusform>Importing %n file</numerusform>
            <numerusform>Importing %n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marketlens::ui::InspectorPanel</name>
    <message numerus="yes">
        <source>%n more instrument(s) overlaid in the chart.</source>
        <translation>
            <numerusform>%n more instrument overlaid in the chart.</numerusform>
            <numerusform>%n more instruments overlaid in the chart.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marketlens::ui::NewsController</name>
    <message numerus="yes">
        <source>Importing news from %n file(s)</source>
        <translation>
            <numerusform>Importing news from %n file</numerusform>
            <numerusform>Importing news from %n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marketlens::ui::NewsMarkerPopup</name>
    <message numerus="yes">
        <source>%n news item(s)</source>
        <translation>
            <numerusform>%n news item</numerusform>
            <numerusform>%n news items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marketlens::ui::NewsView</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n item(s)</source>
        <translation>
            <numerusform>&amp;Import %n item</numerusform>
            <numerusform>&amp;Import %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marketlens::ui::PasswordDialog</name>
    <message numerus="yes">
        <source>At least %n characters; a few unrelated words make a long password that is easy to remember</source>
        <translation>
            <numerusform>At least %n characters; a few unrelated words make a long password that is easy to remember</numerusform>
            <numerusform>At least %n characters; a few unrelated words make a long password that is easy to remember</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Weak: only %n character(s); use at least %1.</source>
        <translation>
            <numerusform>Weak: only %n character; use at least %1.</numerusform>
            <numerusform>Weak: only %n characters; use at least %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marketlens::ui::PriceChartView</name>
    <message numerus="yes">
        <source>%n news item(s)</source>
        <translation>
            <numerusform>%n news item</numerusform>
            <numerusform>%n news items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ProjectTree</name>
    <message numerus="yes">
        <source>%n holding(s)</source>
        <translation>
            <numerusform>%n holding</numerusform>
            <numerusform>%n holdings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ReportDialog</name>
    <message numerus="yes">
        <source>%n page(s): %1.</source>
        <translation>
            <numerusform>%n page: %1.</numerusform>
            <numerusform>%n pages: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ReturnHistogramView</name>
    <message numerus="yes">
        <source>%1 to %2: %n day(s)</source>
        <translation>
            <numerusform>%1 to %2: %n day</numerusform>
            <numerusform>%1 to %2: %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marketlens::ui::SentimentTimelineView</name>
    <message numerus="yes">
        <source>mean %1 of %n item(s)</source>
        <translation>
            <numerusform>mean %1 of %n item</numerusform>
            <numerusform>mean %1 of %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marketlens::ui::SignalsView</name>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
</context>
</TS>
