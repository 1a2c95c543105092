<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ChartExport</name>
    <message>
        <source>nothing to export (no chart, or an empty size)</source>
        <translation>nichts zu exportieren (kein Diagramm oder eine leere Größe)</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Copy chart</source>
        <translation>Diagramm kopieren</translation>
    </message>
    <message>
        <source>Copy the chart to the clipboard as an image</source>
        <translation>Das Diagramm als Bild in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>Diagramm exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;Chart…</source>
        <translation>Diagramm e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Save the focused or visible chart as PNG, SVG or PDF at a chosen size</source>
        <translation>Das fokussierte oder sichtbare Diagramm als PNG, SVG oder PDF in einer gewählten Größe speichern</translation>
    </message>
    <message>
        <source>Export &amp;Table…</source>
        <translation>&amp;Tabelle exportieren…</translation>
    </message>
    <message>
        <source>Save the focused or visible table as CSV or Excel (.xlsx)</source>
        <translation>Die fokussierte oder sichtbare Tabelle als CSV oder Excel (.xlsx) speichern</translation>
    </message>
</context>
<context>
    <name>ModelImport</name>
    <message>
        <source>TorchScript models (*.pt *.pth);;All files (*)</source>
        <translation>TorchScript-Modelle (*.pt *.pth);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>A model file is a program: it runs with your permissions whenever the model is used. Import “%1” only if it comes from a source you trust.</source>
        <translation>Eine Modelldatei ist ein Programm: Sie läuft bei jeder Verwendung des Modells mit Ihren Berechtigungen. Importieren Sie „%1“ nur, wenn sie aus einer vertrauenswürdigen Quelle stammt.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The demo project could not be created: %1</source>
        <translation>Das Demoprojekt konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation>Tabelle als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Project and data summary</source>
        <translation>Projekt- und Datenübersicht</translation>
    </message>
    <message>
        <source>Holdings</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Risk table</source>
        <translation>Risikotabelle</translation>
    </message>
    <message>
        <source>Risk charts</source>
        <translation>Risikodiagramme</translation>
    </message>
    <message>
        <source>Forecasts against baselines</source>
        <translation>Prognosen im Vergleich zu Basismodellen</translation>
    </message>
    <message>
        <source>Model cards</source>
        <translation>Modellkarten</translation>
    </message>
    <message>
        <source>News sentiment</source>
        <translation>Nachrichtenstimmung</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signale</translation>
    </message>
    <message>
        <source>Conventions</source>
        <translation>Konventionen</translation>
    </message>
    <message>
        <source>&amp;Create Report…</source>
        <translation>Bericht &amp;erstellen…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Preview the project&apos;s report (data, holdings, risk, charts, models) and save it as PDF or HTML (Ctrl+Shift+R)</source>
        <translation>Den Bericht des Projekts (Daten, Positionen, Risiko, Diagramme, Modelle) in der Vorschau ansehen und als PDF oder HTML speichern (Strg+Umschalt+R)</translation>
    </message>
</context>
<context>
    <name>ReportRender</name>
    <message>
        <source>report rendering cancelled</source>
        <translation>Berichtserstellung abgebrochen</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>RiskViewData</name>
    <message>
        <source>%1: %2 pts (rank %3 %, weight %4 %)</source>
        <translation>%1: %2 Pkt. (Rang %3 %, Gewicht %4 %)</translation>
    </message>
    <message>
        <source>%1, window %2</source>
        <translation>%1, Fenster %2</translation>
    </message>
    <message>
        <source>Rolling %1 days</source>
        <translation>Rollierend %1 Tage</translation>
    </message>
    <message>
        <source>EWMA (λ 0.94)</source>
        <translation>EWMA (λ 0,94)</translation>
    </message>
    <message>
        <source>GARCH(1,1)</source>
        <translation>GARCH(1,1)</translation>
    </message>
    <message>
        <source>Historical</source>
        <translation>Historisch</translation>
    </message>
    <message>
        <source>Gaussian</source>
        <translation>Normalverteilt</translation>
    </message>
    <message>
        <source>Modified (Cornish-Fisher)</source>
        <translation>Modifiziert (Cornish-Fisher)</translation>
    </message>
    <message>
        <source>Monte Carlo</source>
        <translation>Monte Carlo</translation>
    </message>
    <message>
        <source>%1 %, %2</source>
        <translation>%1 %, %2</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>cannot replace %1</source>
        <translation>%1 kann nicht ersetzt werden</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-Arbeitsmappen (*.xlsx)</translation>
    </message>
    <message>
        <source>table</source>
        <translation>tabelle</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::AboutDialog</name>
    <message>
        <source>About MarketLens</source>
        <translation>Über MarketLens</translation>
    </message>
    <message>
        <source>&lt;h3&gt;MarketLens %1&lt;/h3&gt;&lt;p&gt;Desktop analytics for financial analysts.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Saving:&lt;/b&gt; every change is written to the project file (.mlens) immediately; the file on disk is always the saved state. A new project is &quot;Untitled&quot; and lives in a temporary folder until you choose &lt;i&gt;File &amp;gt; Save As&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;License: GNU General Public License, version 3 or later (GPL-3.0-or-later).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MarketLens %1&lt;/h3&gt;&lt;p&gt;Desktop-Analysen für Finanzanalysten.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Speichern:&lt;/b&gt; Jede Änderung wird sofort in die Projektdatei (.mlens) geschrieben; die Datei auf der Festplatte ist immer der gespeicherte Stand. Ein neues Projekt heißt „Unbenannt“ und liegt in einem temporären Ordner, bis Sie &lt;i&gt;Datei &amp;gt; Speichern unter&lt;/i&gt; wählen.&lt;/p&gt;&lt;p&gt;Lizenz: GNU General Public License, Version 3 oder später (GPL-3.0-or-later).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (kompiliert mit %2)</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Rechengerät</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>&amp;Copy Versions</source>
        <translation>&amp;Versionen kopieren</translation>
    </message>
    <message>
        <source>Copy the versions, the compute device and the data folder as text, for a bug report</source>
        <translation>Die Versionen, das Rechengerät und den Datenordner als Text kopieren, für einen Fehlerbericht</translation>
    </message>
    <message>
        <source>CPU, %1 threads, and CUDA</source>
        <translation>CPU, %1 Threads und CUDA</translation>
    </message>
    <message>
        <source>CPU, %1 threads (no CUDA device)</source>
        <translation>CPU, %1 Threads (kein CUDA-Gerät)</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::AddHoldingDialog</name>
    <message>
        <source>Add Holding to %1</source>
        <translation>Position zu %1 hinzufügen</translation>
    </message>
    <message>
        <source>e.g. MSFT</source>
        <translation>z. B. MSFT</translation>
    </message>
    <message>
        <source>units (negative for a short position)</source>
        <translation>Stück (negativ für eine Short-Position)</translation>
    </message>
    <message>
        <source>percent of the portfolio, e.g. 12.5</source>
        <translation>Prozent des Portfolios, z. B. 12,5</translation>
    </message>
    <message>
        <source>per unit (optional)</source>
        <translation>je Stück (optional)</translation>
    </message>
    <message>
        <source>e.g. USD</source>
        <translation>z. B. USD</translation>
    </message>
    <message>
        <source>&amp;Ticker:</source>
        <translation>&amp;Ticker:</translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation>&amp;Menge:</translation>
    </message>
    <message>
        <source>&amp;Weight (%):</source>
        <translation>&amp;Gewicht (%):</translation>
    </message>
    <message>
        <source>&amp;Cost basis:</source>
        <translation>&amp;Einstandspreis:</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>&amp;Währung:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Give a quantity, a weight or both. The ticker may be new to the project.</source>
        <translation>Geben Sie eine Menge, ein Gewicht oder beides an. Der Ticker darf neu im Projekt sein.</translation>
    </message>
    <message>
        <source>New ticker: no prices stored yet</source>
        <translation>Neuer Ticker: noch keine Kurse gespeichert</translation>
    </message>
    <message>
        <source>%1 prices stored</source>
        <translation>%1 Kurse gespeichert</translation>
    </message>
    <message>
        <source>Type a ticker.</source>
        <translation>Geben Sie einen Ticker ein.</translation>
    </message>
    <message>
        <source>A ticker has no spaces.</source>
        <translation>Ein Ticker enthält keine Leerzeichen.</translation>
    </message>
    <message>
        <source>%1 is already in this portfolio; edit its row instead.</source>
        <translation>%1 ist bereits in diesem Portfolio; bearbeiten Sie stattdessen seine Zeile.</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Cost basis</source>
        <translation>Einstandspreis</translation>
    </message>
    <message>
        <source>Give a quantity or a weight.</source>
        <translation>Geben Sie eine Menge oder ein Gewicht an.</translation>
    </message>
    <message>
        <source>Prices stored</source>
        <translation>Kurse gespeichert</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::BacktestChart</name>
    <message>
        <source>Daily return</source>
        <translation>Tagesrendite</translation>
    </message>
    <message>
        <source>VaR forecast</source>
        <translation>VaR-Prognose</translation>
    </message>
    <message>
        <source>Exceedance</source>
        <translation>Überschreitung</translation>
    </message>
    <message>
        <source>Exceedances (%1)</source>
        <translation>Überschreitungen (%1)</translation>
    </message>
    <message>
        <source>Run the risk analysis to backtest the VaR forecast</source>
        <translation>Führen Sie die Risikoanalyse aus, um die VaR-Prognose zu backtesten</translation>
    </message>
    <message>
        <source>%1: VaR forecast %2 %</source>
        <translation>%1: VaR-Prognose %2 %</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::BacktestView</name>
    <message>
        <source>Exceedances</source>
        <translation>Überschreitungen</translation>
    </message>
    <message>
        <source>Days whose return fell below the VaR forecast, against the number expected at this confidence</source>
        <translation>Tage, deren Rendite unter der VaR-Prognose lag, im Vergleich zur bei diesem Konfidenzniveau erwarteten Anzahl</translation>
    </message>
    <message>
        <source>Kupiec POF</source>
        <translation>Kupiec POF</translation>
    </message>
    <message>
        <source>Kupiec&apos;s proportion-of-failures test: is the exceedance rate the expected one? Likelihood ratio, chi-squared with 1 degree of freedom; a p-value below 0.05 rejects the VaR model</source>
        <translation>Kupiec-Test (Proportion of Failures): Entspricht die Überschreitungsrate der erwarteten? Likelihood-Quotient, Chi-Quadrat mit 1 Freiheitsgrad; ein p-Wert unter 0,05 verwirft das VaR-Modell</translation>
    </message>
    <message>
        <source>Christoffersen</source>
        <translation>Christoffersen</translation>
    </message>
    <message>
        <source>Christoffersen&apos;s independence test: do exceedances cluster? Likelihood ratio, chi-squared with 1 degree of freedom</source>
        <translation>Christoffersen-Unabhängigkeitstest: Treten Überschreitungen gehäuft auf? Likelihood-Quotient, Chi-Quadrat mit 1 Freiheitsgrad</translation>
    </message>
    <message>
        <source>Basel zone</source>
        <translation>Basel-Zone</translation>
    </message>
    <message>
        <source>Basel traffic light from the binomial distribution of exceedances: green below 95 %, yellow below 99.99 %, red above</source>
        <translation>Basler Ampel aus der Binomialverteilung der Überschreitungen: grün unter 95 %, gelb unter 99,99 %, rot darüber</translation>
    </message>
    <message>
        <source>VaR backtest</source>
        <translation>VaR-Backtest</translation>
    </message>
    <message>
        <source>No backtest yet: the period must be longer than the window.</source>
        <translation>Noch kein Backtest: Der Zeitraum muss länger als das Fenster sein.</translation>
    </message>
    <message>
        <source>VaR backtest (%1)</source>
        <translation>VaR-Backtest (%1)</translation>
    </message>
    <message>
        <source>%1 of %2 days (expected %3)</source>
        <translation>%1 von %2 Tagen (erwartet %3)</translation>
    </message>
    <message>
        <source>LR %1, p %2</source>
        <translation>LR %1, p %2</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Grün</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Gelb</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rot</translation>
    </message>
    <message>
        <source>At the 5 % level the tests reject this VaR model.</source>
        <translation>Auf dem 5-%-Niveau verwerfen die Tests dieses VaR-Modell.</translation>
    </message>
    <message>
        <source>At the 5 % level the tests do not reject this VaR model.</source>
        <translation>Auf dem 5-%-Niveau verwerfen die Tests dieses VaR-Modell nicht.</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ChartExportDialog</name>
    <message>
        <source>Export Chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG-Bild</translation>
    </message>
    <message>
        <source>SVG vector image</source>
        <translation>SVG-Vektorgrafik</translation>
    </message>
    <message>
        <source>PDF document (vector)</source>
        <translation>PDF-Dokument (Vektor)</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source> DPI</source>
        <translation> DPI</translation>
    </message>
    <message>
        <source>Screen size</source>
        <translation>Bildschirmgröße</translation>
    </message>
    <message>
        <source>The chart&apos;s size on screen at the chosen resolution</source>
        <translation>Die Größe des Diagramms auf dem Bildschirm bei der gewählten Auflösung</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>&amp;Auflösung:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>%1 × %2 cm at print size; the chart is laid out at %3 × %4 screen pixels and scaled by %5.</source>
        <translation>%1 × %2 cm in Druckgröße; das Diagramm wird mit %3 × %4 Bildschirmpixeln aufgebaut und um den Faktor %5 skaliert.</translation>
    </message>
    <message>
        <source>Could not export the chart: %1</source>
        <translation>Das Diagramm konnte nicht exportiert werden: %1</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::CorrelationHeatmap</name>
    <message>
        <source>%1 / %2: correlation %3</source>
        <translation>%1 / %2: Korrelation %3</translation>
    </message>
    <message>
        <source>Run the risk analysis to see the correlations of the holdings</source>
        <translation>Führen Sie die Risikoanalyse aus, um die Korrelationen der Positionen zu sehen</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::EquityChart</name>
    <message>
        <source>Growth of 1</source>
        <translation>Wert von 1</translation>
    </message>
    <message>
        <source>The backtest&apos;s equity curve appears here after a run</source>
        <translation>Die Kapitalkurve des Backtests erscheint hier nach einem Lauf</translation>
    </message>
    <message>
        <source>No backtest to show</source>
        <translation>Kein Backtest vorhanden</translation>
    </message>
    <message>
        <source>Buy and hold</source>
        <translation>Buy-and-Hold</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::FeatureBarsChart</name>
    <message>
        <source>Nothing to show</source>
        <translation>Nichts anzuzeigen</translation>
    </message>
    <message>
        <source>%1 (top %2 of %3)</source>
        <translation>%1 (Top %2 von %3)</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::FoldErrorsChart</name>
    <message>
        <source>MAE (price)</source>
        <translation>MAE (Kurs)</translation>
    </message>
    <message>
        <source>Fold (test period)</source>
        <translation>Fold (Testzeitraum)</translation>
    </message>
    <message>
        <source>Run a backtest to compare the model with the naive forecast fold by fold</source>
        <translation>Führen Sie einen Backtest aus, um das Modell Fold für Fold mit der naiven Prognose zu vergleichen</translation>
    </message>
    <message>
        <source>The backtest has no folds</source>
        <translation>Der Backtest hat keine Folds</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Naive</source>
        <translation>Naiv</translation>
    </message>
    <message>
        <source>Fold %1: %2
Model MAE %3, naive MAE %4</source>
        <translation>Fold %1: %2
Modell-MAE %3, naiver MAE %4</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ForecastChartView</name>
    <message>
        <source>Price</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>Train a model or select one in the table to see its forecast</source>
        <translation>Trainieren Sie ein Modell oder wählen Sie eines in der Tabelle aus, um seine Prognose zu sehen</translation>
    </message>
    <message>
        <source>No price history to show</source>
        <translation>Kein Kursverlauf vorhanden</translation>
    </message>
    <message>
        <source>95 %</source>
        <translation>95 %</translation>
    </message>
    <message>
        <source>80 %</source>
        <translation>80 %</translation>
    </message>
    <message>
        <source>Naive</source>
        <translation>Naiv</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>This model gave no forecast</source>
        <translation>Dieses Modell hat keine Prognose geliefert</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ForecastController</name>
    <message>
        <source>Training %1 on %2</source>
        <translation>Training von %1 auf %2</translation>
    </message>
    <message>
        <source>Backtesting %1 on %2</source>
        <translation>Backtest von %1 auf %2</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ForecastView</name>
    <message>
        <source>No test metrics are stored for this model.</source>
        <translation>Für dieses Modell sind keine Testkennzahlen gespeichert.</translation>
    </message>
    <message>
        <source>%1 beats the naive forecast on the test part (MAE %2).</source>
        <translation>%1 übertrifft die naive Prognose im Testteil (MAE %2).</translation>
    </message>
    <message>
        <source>%1 does not beat the naive forecast on the test part (MAE %2).</source>
        <translation>%1 übertrifft die naive Prognose im Testteil nicht (MAE %2).</translation>
    </message>
    <message>
        <source>Rename model</source>
        <translation>Modell umbenennen</translation>
    </message>
    <message>
        <source>&amp;Train…</source>
        <translation>&amp;Trainieren…</translation>
    </message>
    <message>
        <source>Train a forecaster on an instrument&apos;s prices</source>
        <translation>Ein Prognosemodell auf den Kursen eines Instruments trainieren</translation>
    </message>
    <message>
        <source>&amp;Backtest…</source>
        <translation>&amp;Backtest…</translation>
    </message>
    <message>
        <source>Walk-forward backtest with refits: the model beside every baseline, fold by fold</source>
        <translation>Walk-forward-Backtest mit Neuanpassungen: das Modell neben jedem Basismodell, Fold für Fold</translation>
    </message>
    <message>
        <source>&amp;Import Model…</source>
        <translation>Modell &amp;importieren…</translation>
    </message>
    <message>
        <source>Add a TorchScript forecaster trained elsewhere (.pt file and its JSON side file; see docs/models.md)</source>
        <translation>Ein anderswo trainiertes TorchScript-Prognosemodell hinzufügen (.pt-Datei und ihre JSON-Begleitdatei; siehe docs/models.md)</translation>
    </message>
    <message>
        <source>&amp;Export Model…</source>
        <translation>Modell e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Write the selected model as TorchScript (.pt) with a JSON side file for PyTorch</source>
        <translation>Das ausgewählte Modell als TorchScript (.pt) mit einer JSON-Begleitdatei für PyTorch schreiben</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Remove the selected model from the project</source>
        <translation>Das ausgewählte Modell aus dem Projekt entfernen</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 Monat</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3 Monate</translation>
    </message>
    <message>
        <source>6 months</source>
        <translation>6 Monate</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 Jahr</translation>
    </message>
    <message>
        <source>Price history shown before the forecast (automatic: about 15 trading days per forecast day, at least 3 months)</source>
        <translation>Vor der Prognose gezeigter Kursverlauf (automatisch: etwa 15 Handelstage je Prognosetag, mindestens 3 Monate)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historie</translation>
    </message>
    <message>
        <source>Test Errors</source>
        <translation>Testfehler</translation>
    </message>
    <message>
        <source>Backtest</source>
        <translation>Backtest</translation>
    </message>
    <message>
        <source>Train a model or select one in the table to see its forecast</source>
        <translation>Trainieren Sie ein Modell oder wählen Sie eines in der Tabelle aus, um seine Prognose zu sehen</translation>
    </message>
    <message>
        <source>Run a backtest to compare the model with the naive forecast fold by fold</source>
        <translation>Führen Sie einen Backtest aus, um das Modell Fold für Fold mit der naiven Prognose zu vergleichen</translation>
    </message>
    <message>
        <source>The models could not be read: %1</source>
        <translation>Die Modelle konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Models in the project: %1. Select one to see its forecast.</source>
        <translation>Modelle im Projekt: %1. Wählen Sie eines aus, um seine Prognose zu sehen.</translation>
    </message>
    <message>
        <source>Forecasting with “%1”…</source>
        <translation>Prognose mit „%1“…</translation>
    </message>
    <message>
        <source>No forecast: %1</source>
        <translation>Keine Prognose: %1</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 days ahead</source>
        <translation>%1 · %2 · %3 Tage voraus</translation>
    </message>
    <message>
        <source> · from %1</source>
        <translation> · ab %1</translation>
    </message>
    <message>
        <source>Forecast of “%1”.</source>
        <translation>Prognose von „%1“.</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>A forecasting job on %1 ended after another project was opened.</source>
        <translation>Ein Prognoseauftrag für %1 wurde beendet, nachdem ein anderes Projekt geöffnet wurde.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was stored.</source>
        <translation>Abgebrochen; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Forecast job cancelled; nothing was stored.</source>
        <translation>Prognoseauftrag abgebrochen; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Backtest failed</source>
        <translation>Backtest fehlgeschlagen</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>Training fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 walk-forward backtest, %2 folds (%3)</source>
        <translation>%1 Walk-forward-Backtest, %2 Folds (%3)</translation>
    </message>
    <message>
        <source>expanding window</source>
        <translation>wachsendes Fenster</translation>
    </message>
    <message>
        <source>sliding window</source>
        <translation>gleitendes Fenster</translation>
    </message>
    <message>
        <source>Backtest finished; see the Backtest tab.</source>
        <translation>Backtest abgeschlossen; siehe die Registerkarte „Backtest“.</translation>
    </message>
    <message>
        <source>Backtest finished: %1</source>
        <translation>Backtest abgeschlossen: %1</translation>
    </message>
    <message>
        <source>Store model</source>
        <translation>Modell speichern</translation>
    </message>
    <message>
        <source>The trained model could not be stored: %1</source>
        <translation>Das trainierte Modell konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Trained “%1”: %2</source>
        <translation>„%1“ trainiert: %2</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>Modell löschen</translation>
    </message>
    <message>
        <source>Delete the model “%1” from the project? This cannot be undone.</source>
        <translation>Das Modell „%1“ aus dem Projekt löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Export model</source>
        <translation>Modell exportieren</translation>
    </message>
    <message>
        <source>Exported “%1” to %2 and %3.</source>
        <translation>„%1“ nach %2 und %3 exportiert.</translation>
    </message>
    <message>
        <source>Import model</source>
        <translation>Modell importieren</translation>
    </message>
    <message>
        <source>The model is for the ticker “%1”, which this project has no prices for. Import its prices first or choose another ticker.</source>
        <translation>Das Modell ist für den Ticker „%1“, für den dieses Projekt keine Kurse hat. Importieren Sie zuerst seine Kurse oder wählen Sie einen anderen Ticker.</translation>
    </message>
    <message>
        <source>Imported the model “%1” from %2</source>
        <translation>Modell „%1“ aus %2 importiert</translation>
    </message>
    <message>
        <source>Export Model</source>
        <translation>Modell exportieren</translation>
    </message>
    <message>
        <source>TorchScript models (*.pt)</source>
        <translation>TorchScript-Modelle (*.pt)</translation>
    </message>
    <message>
        <source>Import Model</source>
        <translation>Modell importieren</translation>
    </message>
    <message>
        <source>Side File of the Model</source>
        <translation>Begleitdatei des Modells</translation>
    </message>
    <message>
        <source>Model side files (*.json)</source>
        <translation>Modell-Begleitdateien (*.json)</translation>
    </message>
    <message>
        <source>Import prices before importing a model.</source>
        <translation>Importieren Sie Kurse, bevor Sie ein Modell importieren.</translation>
    </message>
    <message>
        <source>Forecast which instrument with this model?</source>
        <translation>Welches Instrument soll mit diesem Modell prognostiziert werden?</translation>
    </message>
    <message>
        <source>The project has no prices for “%1”. Forecast which instrument with this model?</source>
        <translation>Das Projekt hat keine Kurse für „%1“. Welches Instrument soll mit diesem Modell prognostiziert werden?</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::HoldingsModel</name>
    <message>
        <source>Needs a quantity and a stored close price</source>
        <translation>Benötigt eine Menge und einen gespeicherten Schlusskurs</translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation>Ticker</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Cost basis</source>
        <translation>Einstandspreis</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Last close</source>
        <translation>Letzter Schlusskurs</translation>
    </message>
    <message>
        <source>Market value</source>
        <translation>Marktwert</translation>
    </message>
    <message>
        <source>Share of the market value; type a weight to store one</source>
        <translation>Anteil am Marktwert; geben Sie ein Gewicht ein, um eines zu speichern</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::HoldingsRiskModel</name>
    <message>
        <source>No score for this holding</source>
        <translation>Kein Wert für diese Position</translation>
    </message>
    <message>
        <source>red</source>
        <translation>rot</translation>
    </message>
    <message>
        <source>amber</source>
        <translation>gelb</translation>
    </message>
    <message>
        <source>green</source>
        <translation>grün</translation>
    </message>
    <message>
        <source>Risk score %1 (%2 zone: green &lt; 40, amber 40-70, red &gt; 70)
Points per factor (rank among the holdings):
%3</source>
        <translation>Risikowert %1 (Zone %2: grün &lt; 40, gelb 40-70, rot &gt; 70)
Punkte je Faktor (Rang unter den Positionen):
%3</translation>
    </message>
    <message>
        <source>Component VaR is not available for the %1 method</source>
        <translation>Komponenten-VaR ist für die Methode %1 nicht verfügbar</translation>
    </message>
    <message>
        <source>Holding</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>Volatilität</translation>
    </message>
    <message>
        <source>Beta</source>
        <translation>Beta</translation>
    </message>
    <message>
        <source>Initial weight of the holding in the portfolio</source>
        <translation>Anfangsgewicht der Position im Portfolio</translation>
    </message>
    <message>
        <source>Sample standard deviation of daily returns, annualised</source>
        <translation>Stichproben-Standardabweichung der Tagesrenditen, annualisiert</translation>
    </message>
    <message>
        <source>Value at risk at %1 % confidence, %2 method, one day</source>
        <translation>Value-at-Risk bei %1 % Konfidenz, Methode %2, ein Tag</translation>
    </message>
    <message>
        <source>Expected shortfall (mean loss beyond VaR) at %1 % confidence, %2 method, one day</source>
        <translation>Expected Shortfall (mittlerer Verlust jenseits des VaR) bei %1 % Konfidenz, Methode %2, ein Tag</translation>
    </message>
    <message>
        <source>Largest peak-to-trough fall over the period</source>
        <translation>Größter Rückgang vom Hoch zum Tief im Zeitraum</translation>
    </message>
    <message>
        <source>Beta against the benchmark (OLS of daily returns)</source>
        <translation>Beta gegenüber der Benchmark (OLS der Tagesrenditen)</translation>
    </message>
    <message>
        <source>Euler contribution to the portfolio VaR at the selected confidence; the contributions sum to the portfolio figure</source>
        <translation>Euler-Beitrag zum Portfolio-VaR beim gewählten Konfidenzniveau; die Beiträge summieren sich zum Portfoliowert</translation>
    </message>
    <message>
        <source>Component VaR as a share of the portfolio VaR</source>
        <translation>Komponenten-VaR als Anteil am Portfolio-VaR</translation>
    </message>
    <message>
        <source>0 (least risky) to 100 (most risky) among the holdings: weighted rank of volatility, modified ES, drawdown, beta and VaR share (see docs/risk.md)</source>
        <translation>0 (geringstes Risiko) bis 100 (höchstes Risiko) unter den Positionen: gewichteter Rang aus Volatilität, modifiziertem ES, Drawdown, Beta und VaR-Anteil (siehe docs/risk.md)</translation>
    </message>
    <message>
        <source>VaR
%1 %</source>
        <translation>VaR
%1 %</translation>
    </message>
    <message>
        <source>ES
%1 %</source>
        <translation>ES
%1 %</translation>
    </message>
    <message>
        <source>Max
drawdown</source>
        <translation>Max.
Drawdown</translation>
    </message>
    <message>
        <source>Component
VaR</source>
        <translation>Komponenten-
VaR</translation>
    </message>
    <message>
        <source>VaR
share</source>
        <translation>VaR-
Anteil</translation>
    </message>
    <message>
        <source>Risk
score</source>
        <translation>Risiko-
wert</translation>
    </message>
    <message>
        <source>No learned tail-risk score for this holding: press Learn tail risk</source>
        <translation>Kein gelernter Tail-Risiko-Wert für diese Position: Klicken Sie auf „Tail-Risiko lernen“</translation>
    </message>
    <message>
        <source>Learned probability of a loss beyond the 95 % VaR within 5 trading days: %1
Historical rate of such losses for this holding: %2
Brier skill of the model over the base rate (test part): %3
As of %4</source>
        <translation>Gelernte Wahrscheinlichkeit eines Verlusts jenseits des 95-%-VaR innerhalb von 5 Handelstagen: %1
Historische Rate solcher Verluste für diese Position: %2
Brier-Skill des Modells gegenüber der Basisrate (Testteil): %3
Stand %4</translation>
    </message>
    <message>
        <source>Tail prob.
(learned)</source>
        <translation>Tail-Wahrsch.
(gelernt)</translation>
    </message>
    <message>
        <source>Probability of a loss beyond the holding&apos;s 95 % VaR within 5 trading days, from the newest learned tail-risk model of the portfolio (1D-CNN on returns and volatility; see docs/risk.md)</source>
        <translation>Wahrscheinlichkeit eines Verlusts jenseits des 95-%-VaR der Position innerhalb von 5 Handelstagen, aus dem neuesten gelernten Tail-Risiko-Modell des Portfolios (1D-CNN auf Renditen und Volatilität; siehe docs/risk.md)</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ImportController</name>
    <message>
        <source>Importing %1</source>
        <translation>%1 wird importiert</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n files</source>
        <translation>
            <numerusform>%n Datei wird importiert</numerusform>
            <numerusform>%n Dateien werden importiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ImportOptionsDialog</name>
    <message>
        <source>Import Options</source>
        <translation>Importoptionen</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>Automatisch erkennen</translation>
    </message>
    <message>
        <source>Prices, long (date, ticker, OHLCV)</source>
        <translation>Kurse, lang (Datum, Ticker, OHLCV)</translation>
    </message>
    <message>
        <source>Prices, wide (date + one column per ticker)</source>
        <translation>Kurse, breit (Datum + eine Spalte je Ticker)</translation>
    </message>
    <message>
        <source>One instrument&apos;s OHLCV</source>
        <translation>OHLCV eines Instruments</translation>
    </message>
    <message>
        <source>Holdings (ticker + quantity or weight)</source>
        <translation>Positionen (Ticker + Menge oder Gewicht)</translation>
    </message>
    <message>
        <source>MM/DD/YYYY (month first)</source>
        <translation>MM/TT/JJJJ (Monat zuerst)</translation>
    </message>
    <message>
        <source>DD.MM.YYYY or DD/MM/YYYY (day first)</source>
        <translation>TT.MM.JJJJ oder TT/MM/JJJJ (Tag zuerst)</translation>
    </message>
    <message>
        <source>Needed when every date in a file could be read either way</source>
        <translation>Nötig, wenn sich jedes Datum einer Datei auf beide Arten lesen lässt</translation>
    </message>
    <message>
        <source>from the file name</source>
        <translation>aus dem Dateinamen</translation>
    </message>
    <message>
        <source>Ticker of a single-instrument OHLCV file</source>
        <translation>Ticker einer OHLCV-Datei mit einem einzigen Instrument</translation>
    </message>
    <message>
        <source>Portfolio that a holdings file replaces or creates</source>
        <translation>Portfolio, das eine Positionsdatei ersetzt oder anlegt</translation>
    </message>
    <message>
        <source>File layout:</source>
        <translation>Dateiaufbau:</translation>
    </message>
    <message>
        <source>Date format:</source>
        <translation>Datumsformat:</translation>
    </message>
    <message>
        <source>Ticker:</source>
        <translation>Ticker:</translation>
    </message>
    <message>
        <source>Portfolio:</source>
        <translation>Portfolio:</translation>
    </message>
    <message>
        <source>Choose Files…</source>
        <translation>Dateien auswählen…</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ImportReportDialog</name>
    <message>
        <source>Prices (long)</source>
        <translation>Kurse (lang)</translation>
    </message>
    <message>
        <source>Prices (wide)</source>
        <translation>Kurse (breit)</translation>
    </message>
    <message>
        <source>OHLCV</source>
        <translation>OHLCV</translation>
    </message>
    <message>
        <source>Holdings</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>Komma</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>Semikolon</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>senkrechter Strich</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Importbericht</translation>
    </message>
    <message>
        <source>%1 rows can be imported; %2 rows were rejected and will be skipped. Nothing is written to the project until you choose &quot;Import&quot;.</source>
        <translation>%1 Zeilen können importiert werden; %2 Zeilen wurden abgelehnt und werden übersprungen. Nichts wird in das Projekt geschrieben, bis Sie „Importieren“ wählen.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Detected as</source>
        <translation>Erkannt als</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>Trennzeichen</translation>
    </message>
    <message>
        <source>Date format</source>
        <translation>Datumsformat</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Rejected rows (first %1 of %2)</source>
        <translation>Abgelehnte Zeilen (erste %1 von %2)</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Abgelehnte Zeilen</translation>
    </message>
    <message>
        <source>Import %1 rows</source>
        <translation>%1 Zeilen importieren</translation>
    </message>
    <message>
        <source>Abort import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>Write the accepted rows to the project and skip the rejected ones</source>
        <translation>Die angenommenen Zeilen in das Projekt schreiben und die abgelehnten überspringen</translation>
    </message>
    <message>
        <source>Leave the project exactly as it was</source>
        <translation>Das Projekt genau so lassen, wie es war</translation>
    </message>
    <message>
        <source>&lt;b&gt;Files&lt;/b&gt;</source>
        <translation>&lt;b&gt;Dateien&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::InspectorPanel</name>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>First date</source>
        <translation>Erstes Datum</translation>
    </message>
    <message>
        <source>Last date</source>
        <translation>Letztes Datum</translation>
    </message>
    <message>
        <source>Last close</source>
        <translation>Letzter Schlusskurs</translation>
    </message>
    <message>
        <source>Change over range</source>
        <translation>Veränderung im Zeitraum</translation>
    </message>
    <message>
        <source>Minimum close</source>
        <translation>Niedrigster Schlusskurs</translation>
    </message>
    <message>
        <source>Maximum close</source>
        <translation>Höchster Schlusskurs</translation>
    </message>
    <message>
        <source>OHLC data</source>
        <translation>OHLC-Daten</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message>
        <source>Select an instrument in the project tree or the Instruments table.</source>
        <translation>Wählen Sie ein Instrument im Projektbaum oder in der Tabelle „Instrumente“ aus.</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 am %2</translation>
    </message>
    <message>
        <source>yes (candlesticks available)</source>
        <translation>ja (Kerzen verfügbar)</translation>
    </message>
    <message>
        <source>close only</source>
        <translation>nur Schlusskurs</translation>
    </message>
    <message numerus="yes">
        <source>%n more instrument(s) overlaid in the chart.</source>
        <translation>
            <numerusform>%n weiteres Instrument im Diagramm überlagert.</numerusform>
            <numerusform>%n weitere Instrumente im Diagramm überlagert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marketlens::ui::InstrumentsModel</name>
    <message>
        <source>Ticker</source>
        <translation>Ticker</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>First date</source>
        <translation>Erstes Datum</translation>
    </message>
    <message>
        <source>Last date</source>
        <translation>Letztes Datum</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::IssuesPanel</name>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Rejected row</source>
        <translation>Abgelehnte Zeile</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::JobsBar</name>
    <message>
        <source>%1 s left</source>
        <translation>noch %1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s left</source>
        <translation>noch %1 min %2 s</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel this job; the project stays as it was</source>
        <translation>Diesen Auftrag abbrechen; das Projekt bleibt, wie es war</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::LossChartView</name>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>The losses appear after the first epoch</source>
        <translation>Die Verluste erscheinen nach der ersten Epoche</translation>
    </message>
    <message>
        <source>Epoch %1: loss %2</source>
        <translation>Epoche %1: Verlust %2</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::MainWindow</name>
    <message>
        <source>Prices</source>
        <translation>Kurse</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>Cannot create a new project: %1</source>
        <translation>Ein neues Projekt kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>New untitled project</source>
        <translation>Neues unbenanntes Projekt</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>MarketLens projects (*.mlens);;All files (*)</source>
        <translation>MarketLens-Projekte (*.mlens);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <source>MarketLens projects (*.mlens)</source>
        <translation>MarketLens-Projekte (*.mlens)</translation>
    </message>
    <message>
        <source>Unsaved project</source>
        <translation>Nicht gespeichertes Projekt</translation>
    </message>
    <message>
        <source>The untitled project holds data that has not been saved to a file. Save it first?</source>
        <translation>Das unbenannte Projekt enthält Daten, die noch nicht in einer Datei gespeichert sind. Zuerst speichern?</translation>
    </message>
    <message>
        <source>%1[*] — MarketLens</source>
        <translation>%1[*] — MarketLens</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>Kein Projekt</translation>
    </message>
    <message>
        <source>Not saved to a file yet</source>
        <translation>Noch nicht in einer Datei gespeichert</translation>
    </message>
    <message>
        <source>Untitled project</source>
        <translation>Unbenanntes Projekt</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Alle Änderungen gespeichert</translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation>Dateien importieren</translation>
    </message>
    <message>
        <source>An import is already running; wait for it to finish.</source>
        <translation>Ein Import läuft bereits; warten Sie, bis er abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Import started: %1</source>
        <translation>Import gestartet: %1</translation>
    </message>
    <message>
        <source>Import cancelled; the project is unchanged.</source>
        <translation>Import abgebrochen; das Projekt ist unverändert.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>Nothing was imported.

%1</source>
        <translation>Es wurde nichts importiert.

%1</translation>
    </message>
    <message>
        <source>

To set the file layout or date format yourself, use File &gt; Import Files With Options.</source>
        <translation>

Um Dateiaufbau oder Datumsformat selbst festzulegen, verwenden Sie Datei &gt; Dateien mit Optionen importieren.</translation>
    </message>
    <message>
        <source>The import could not be saved; the project is unchanged.

%1</source>
        <translation>Der Import konnte nicht gespeichert werden; das Projekt ist unverändert.

%1</translation>
    </message>
    <message>
        <source>Import aborted; the project is unchanged.</source>
        <translation>Import abgebrochen; das Projekt ist unverändert.</translation>
    </message>
    <message>
        <source>Imported %1 (%2): %3 rows accepted, %4 rejected</source>
        <translation>%1 importiert (%2): %3 Zeilen angenommen, %4 abgelehnt</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Imported %1 rows (untitled project: use Save As to keep it)</source>
        <translation>%1 Zeilen importiert (unbenanntes Projekt: verwenden Sie „Speichern unter“, um es zu behalten)</translation>
    </message>
    <message>
        <source>Imported %1 rows; all changes saved</source>
        <translation>%1 Zeilen importiert; alle Änderungen gespeichert</translation>
    </message>
    <message>
        <source>Cancelling the running import before quitting.</source>
        <translation>Der laufende Import wird vor dem Beenden abgebrochen.</translation>
    </message>
    <message>
        <source>Arrives with a later version of MarketLens</source>
        <translation>Kommt mit einer späteren Version von MarketLens</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>&amp;Systemsprache</translation>
    </message>
    <message>
        <source>Takes effect when MarketLens is restarted</source>
        <translation>Wirkt nach einem Neustart von MarketLens</translation>
    </message>
    <message>
        <source>The language change applies after MarketLens is restarted.</source>
        <translation>Die neue Sprache gilt nach einem Neustart von MarketLens.</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>&amp;Neues Projekt</translation>
    </message>
    <message>
        <source>Start an untitled project (Ctrl+N)</source>
        <translation>Ein unbenanntes Projekt beginnen (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a MarketLens project file (.mlens) (Ctrl+O)</source>
        <translation>Eine MarketLens-Projektdatei (.mlens) öffnen (Strg+O)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Copy the project to a new file and continue there (Ctrl+Shift+S). There is no &quot;Save&quot;: every change is written to the project file at once.</source>
        <translation>Das Projekt in eine neue Datei kopieren und dort weiterarbeiten (Strg+Umschalt+S). Es gibt kein „Speichern“: Jede Änderung wird sofort in die Projektdatei geschrieben.</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>Dateien &amp;importieren…</translation>
    </message>
    <message>
        <source>Import price or holdings CSV files (Ctrl+I); you can also drop files onto the window</source>
        <translation>Kurs- oder Positions-CSV-Dateien importieren (Strg+I); Sie können Dateien auch auf das Fenster ziehen</translation>
    </message>
    <message>
        <source>Import Files With &amp;Options…</source>
        <translation>Dateien mit &amp;Optionen importieren…</translation>
    </message>
    <message>
        <source>Import with an explicit file layout, date format, ticker or portfolio name (Ctrl+Shift+I)</source>
        <translation>Mit ausdrücklich angegebenem Dateiaufbau, Datumsformat, Ticker oder Portfolionamen importieren (Strg+Umschalt+I)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit MarketLens (Ctrl+Q)</source>
        <translation>MarketLens beenden (Strg+Q)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected table rows as tab-separated text</source>
        <translation>Die ausgewählten Tabellenzeilen als tabulatorgetrennten Text kopieren</translation>
    </message>
    <message>
        <source>Select All &amp;Instruments</source>
        <translation>Alle &amp;Instrumente auswählen</translation>
    </message>
    <message>
        <source>Overlay every instrument in the chart</source>
        <translation>Alle Instrumente im Diagramm überlagern</translation>
    </message>
    <message>
        <source>Clear &amp;Issues</source>
        <translation>&amp;Probleme leeren</translation>
    </message>
    <message>
        <source>Empty the Issues panel</source>
        <translation>Die Problemliste leeren</translation>
    </message>
    <message>
        <source>&amp;About MarketLens</source>
        <translation>Ü&amp;ber MarketLens</translation>
    </message>
    <message>
        <source>Version, license and how saving works</source>
        <translation>Version, Lizenz und wie gespeichert wird</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>Da&amp;ten</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>A&amp;nalyse</translation>
    </message>
    <message>
        <source>Risk Metrics</source>
        <translation>Risikokennzahlen</translation>
    </message>
    <message>
        <source>Correlation Matrix</source>
        <translation>Korrelationsmatrix</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>&amp;Modelle</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>Be&amp;richt</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>Show or hide the %1 panel</source>
        <translation>Bereich „%1“ ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Issues (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <source>MarketLens writes every change to the project file immediately; the file on disk is always the saved state. An untitled project lives in a temporary folder until you use Save As.</source>
        <translation>MarketLens schreibt jede Änderung sofort in die Projektdatei; die Datei auf der Festplatte ist immer der gespeicherte Stand. Ein unbenanntes Projekt liegt in einem temporären Ordner, bis Sie „Speichern unter“ verwenden.</translation>
    </message>
    <message>
        <source>Show the %1 panel</source>
        <translation>Bereich „%1“ anzeigen</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Forecasts</source>
        <translation>Prognosen</translation>
    </message>
    <message>
        <source>Price and holdings files (*.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation>Kurs- und Positionsdateien (*.csv *.tsv *.txt *.xlsx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Train Forecaster…</source>
        <translation>Prognosemodell &amp;trainieren…</translation>
    </message>
    <message>
        <source>Train a neural forecaster on an instrument&apos;s prices and compare it with the naive forecast (Ctrl+T)</source>
        <translation>Ein neuronales Prognosemodell auf den Kursen eines Instruments trainieren und mit der naiven Prognose vergleichen (Strg+T)</translation>
    </message>
    <message>
        <source>News</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Price, holdings and news files (*.csv *.tsv *.txt *.xlsx *.json *.jsonl *.ndjson *.xml *.rss *.atom);;All files (*)</source>
        <translation>Kurs-, Positions- und Nachrichtendateien (*.csv *.tsv *.txt *.xlsx *.json *.jsonl *.ndjson *.xml *.rss *.atom);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signale</translation>
    </message>
    <message>
        <source>Run Trading Si&amp;gnals</source>
        <translation>Handelssi&amp;gnale berechnen</translation>
    </message>
    <message>
        <source>Train and backtest a buy/sell signal classifier for the current instrument with the Signals tab&apos;s settings (Ctrl+Shift+G)</source>
        <translation>Einen Klassifikator für Kauf-/Verkaufssignale für das aktuelle Instrument mit den Einstellungen der Registerkarte „Signale“ trainieren und backtesten (Strg+Umschalt+G)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <source>%1[*] (encrypted) — MarketLens</source>
        <translation>%1[*] (verschlüsselt) — MarketLens</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ModelsModel</name>
    <message>
        <source>Tail-risk CNN</source>
        <translation>Tail-Risiko-CNN</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Errors on the held-out test part; the naive forecast repeats the last price.</source>
        <translation>Fehler im zurückgehaltenen Testteil; die naive Prognose wiederholt den letzten Kurs.</translation>
    </message>
    <message>
        <source>Double-click to rename</source>
        <translation>Doppelklicken zum Umbenennen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation>Ticker</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>Horizont</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Test MAE</source>
        <translation>Test-MAE</translation>
    </message>
    <message>
        <source>Naive MAE</source>
        <translation>Naiver MAE</translation>
    </message>
    <message>
        <source>Test MASE</source>
        <translation>Test-MASE</translation>
    </message>
    <message>
        <source>Naive MASE</source>
        <translation>Naiver MASE</translation>
    </message>
    <message>
        <source>Beats naive</source>
        <translation>Besser als naiv</translation>
    </message>
    <message>
        <source>Days ahead the model forecasts (1..H)</source>
        <translation>Tage, die das Modell vorausprognostiziert (1..H)</translation>
    </message>
    <message>
        <source>Mean absolute error of the model&apos;s median forecast on the test part</source>
        <translation>Mittlerer absoluter Fehler der Median-Prognose des Modells im Testteil</translation>
    </message>
    <message>
        <source>Mean absolute error of the naive forecast (last price) on the same origins</source>
        <translation>Mittlerer absoluter Fehler der naiven Prognose (letzter Kurs) an denselben Ursprüngen</translation>
    </message>
    <message>
        <source>Mean absolute scaled error: MAE over the mean one-day price change of the training part (below 1 beats a one-day naive forecast in sample)</source>
        <translation>Mittlerer absoluter skalierter Fehler: MAE geteilt durch die mittlere eintägige Kursänderung im Trainingsteil (unter 1 übertrifft eine eintägige naive Prognose in der Stichprobe)</translation>
    </message>
    <message>
        <source>MASE of the naive forecast on the same origins</source>
        <translation>MASE der naiven Prognose an denselben Ursprüngen</translation>
    </message>
    <message>
        <source>Yes when the model&apos;s MAE and MASE are both below the naive forecast&apos;s</source>
        <translation>Ja, wenn MAE und MASE des Modells beide unter denen der naiven Prognose liegen</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ModelsPanel</name>
    <message>
        <source>No models yet. Use Train… to train one on an instrument&apos;s prices, or Import Model… to add a TorchScript forecaster trained elsewhere.</source>
        <translation>Noch keine Modelle. Verwenden Sie „Trainieren…“, um eines auf den Kursen eines Instruments zu trainieren, oder „Modell importieren…“, um ein anderswo trainiertes TorchScript-Prognosemodell hinzuzufügen.</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::NewsController</name>
    <message>
        <source>Importing news from %1</source>
        <translation>Nachrichten aus %1 werden importiert</translation>
    </message>
    <message numerus="yes">
        <source>Importing news from %n file(s)</source>
        <translation>
            <numerusform>Nachrichten aus %n Datei werden importiert</numerusform>
            <numerusform>Nachrichten aus %n Dateien werden importiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Scoring news with %1</source>
        <translation>Nachrichten werden mit %1 bewertet</translation>
    </message>
    <message>
        <source>Training sentiment model (%1)</source>
        <translation>Stimmungsmodell wird trainiert (%1)</translation>
    </message>
    <message>
        <source>Importing sentiment model %1</source>
        <translation>Stimmungsmodell %1 wird importiert</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::NewsMarkerPopup</name>
    <message>
        <source>negative</source>
        <translation>negativ</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>positiv</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutral</translation>
    </message>
    <message numerus="yes">
        <source>%n news item(s)</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Score %1, %2 (%3)</source>
        <translation>Wert %1, %2 (%3)</translation>
    </message>
    <message>
        <source>Not scored by %1</source>
        <translation>Nicht von %1 bewertet</translation>
    </message>
    <message>
        <source>Words that moved the score:</source>
        <translation>Wörter, die den Wert bewegt haben:</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::NewsModel</name>
    <message>
        <source>Positive</source>
        <translation>Positiv</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativ</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>Weight %1 (%2)</source>
        <translation>Gewicht %1 (%2)</translation>
    </message>
    <message>
        <source>towards positive</source>
        <translation>in Richtung positiv</translation>
    </message>
    <message>
        <source>towards negative</source>
        <translation>in Richtung negativ</translation>
    </message>
    <message>
        <source>The file gives only the day</source>
        <translation>Die Datei gibt nur den Tag an</translation>
    </message>
    <message>
        <source>Score of %1 in [-1, 1]: negative below -0.05, positive above 0.05</source>
        <translation>Wert von %1 in [-1, 1]: negativ unter -0,05, positiv über 0,05</translation>
    </message>
    <message>
        <source>Not scored by %1 yet (News &gt; Score News…)</source>
        <translation>Noch nicht von %1 bewertet (Nachrichten &gt; Nachrichten bewerten…)</translation>
    </message>
    <message>
        <source>Item %1 of %2</source>
        <translation>Eintrag %1 aus %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Tickers</source>
        <translation>Ticker</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Schlagzeile</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>File label</source>
        <translation>Label der Datei</translation>
    </message>
    <message>
        <source>Publication time in your local time zone</source>
        <translation>Veröffentlichungszeit in Ihrer lokalen Zeitzone</translation>
    </message>
    <message>
        <source>Instruments the item is linked to (explicit, exchange mention, cashtag or company name)</source>
        <translation>Instrumente, mit denen die Nachricht verknüpft ist (ausdrücklich, Börsennennung, Cashtag oder Firmenname)</translation>
    </message>
    <message>
        <source>Sentiment score of the chosen model, from -1 (negative) to +1 (positive)</source>
        <translation>Stimmungswert des gewählten Modells, von -1 (negativ) bis +1 (positiv)</translation>
    </message>
    <message>
        <source>The chosen model&apos;s label</source>
        <translation>Das Label des gewählten Modells</translation>
    </message>
    <message>
        <source>The label given in the imported file (training data)</source>
        <translation>Das in der importierten Datei angegebene Label (Trainingsdaten)</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::NewsView</name>
    <message>
        <source>given in the file</source>
        <translation>in der Datei angegeben</translation>
    </message>
    <message>
        <source>exchange mention</source>
        <translation>Börsennennung</translation>
    </message>
    <message>
        <source>cashtag</source>
        <translation>Cashtag</translation>
    </message>
    <message>
        <source>company name</source>
        <translation>Firmenname</translation>
    </message>
    <message>
        <source>&amp;Scores of:</source>
        <translation>&amp;Werte von:</translation>
    </message>
    <message>
        <source>The sentiment model whose scores, labels and explanations are shown; every model&apos;s scores are kept</source>
        <translation>Das Stimmungsmodell, dessen Werte, Labels und Erklärungen angezeigt werden; die Werte jedes Modells bleiben erhalten</translation>
    </message>
    <message>
        <source>Show only news linked to this instrument</source>
        <translation>Nur Nachrichten zu diesem Instrument anzeigen</translation>
    </message>
    <message>
        <source>Tic&amp;ker:</source>
        <translation>Tic&amp;ker:</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>Show news from this day on (the day as shown in the table)</source>
        <translation>Nachrichten ab diesem Tag anzeigen (der Tag, wie in der Tabelle angezeigt)</translation>
    </message>
    <message>
        <source>Show news up to this day</source>
        <translation>Nachrichten bis zu diesem Tag anzeigen</translation>
    </message>
    <message>
        <source>Fr&amp;om:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>Bi&amp;s:</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positiv</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativ</translation>
    </message>
    <message>
        <source>Show only news the chosen model labelled so</source>
        <translation>Nur Nachrichten anzeigen, denen das gewählte Modell dieses Label gegeben hat</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Label:</translation>
    </message>
    <message>
        <source>Lowest score shown (-1 to +1); unscored news is hidden while the range is narrower than -1 to +1</source>
        <translation>Niedrigster angezeigter Wert (-1 bis +1); nicht bewertete Nachrichten werden ausgeblendet, solange der Bereich enger als -1 bis +1 ist</translation>
    </message>
    <message>
        <source>Highest score shown</source>
        <translation>Höchster angezeigter Wert</translation>
    </message>
    <message>
        <source>S&amp;core:</source>
        <translation>W&amp;ert:</translation>
    </message>
    <message>
        <source>Search headline and text</source>
        <translation>Schlagzeile und Text durchsuchen</translation>
    </message>
    <message>
        <source>Every word must occur in the headline, body, source or tickers</source>
        <translation>Jedes Wort muss in Schlagzeile, Text, Quelle oder Tickern vorkommen</translation>
    </message>
    <message>
        <source>The project&apos;s news; click a header to sort, select a row to read it</source>
        <translation>Die Nachrichten des Projekts; klicken Sie auf eine Spaltenüberschrift zum Sortieren, wählen Sie eine Zeile zum Lesen aus</translation>
    </message>
    <message>
        <source>Select a news item to read it with the words that moved its score highlighted</source>
        <translation>Wählen Sie eine Nachricht aus, um sie zu lesen; die Wörter, die ihren Wert bewegt haben, sind hervorgehoben</translation>
    </message>
    <message>
        <source>Lexicon (market news)</source>
        <translation>Lexikon (Marktnachrichten)</translation>
    </message>
    <message>
        <source>%1 (%2 scored)</source>
        <translation>%1 (%2 bewertet)</translation>
    </message>
    <message>
        <source>%1 (not run)</source>
        <translation>%1 (nicht ausgeführt)</translation>
    </message>
    <message>
        <source>News</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Cannot read the news: %1</source>
        <translation>Die Nachrichten können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 items</source>
        <translation>%1 von %2 Einträgen</translation>
    </message>
    <message>
        <source>link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Not linked to an instrument</source>
        <translation>Mit keinem Instrument verknüpft</translation>
    </message>
    <message>
        <source>Tickers: %1</source>
        <translation>Ticker: %1</translation>
    </message>
    <message>
        <source>From %1, item %2</source>
        <translation>Aus %1, Eintrag %2</translation>
    </message>
    <message>
        <source>label in the file: %1</source>
        <translation>Label in der Datei: %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>P(negative) %1, P(neutral) %2, P(positive) %3</source>
        <translation>P(negativ) %1, P(neutral) %2, P(positiv) %3</translation>
    </message>
    <message>
        <source>Sentiment index that day (exponentially decayed): %1</source>
        <translation>Stimmungsindex an diesem Tag (exponentiell abklingend): %1</translation>
    </message>
    <message>
        <source>Not scored by %1 yet (Models &gt; Score News…)</source>
        <translation>Noch nicht von %1 bewertet (Modelle &gt; Nachrichten bewerten…)</translation>
    </message>
    <message>
        <source>News import report</source>
        <translation>Bericht zum Nachrichtenimport</translation>
    </message>
    <message>
        <source>%1 news items can be imported; %2 were rejected and will be skipped. Nothing is written to the project until you choose &quot;Import&quot;.</source>
        <translation>%1 Nachrichten können importiert werden; %2 wurden abgelehnt und werden übersprungen. Nichts wird in das Projekt geschrieben, bis Sie „Importieren“ wählen.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n item(s)</source>
        <translation>
            <numerusform>%n Eintrag &amp;importieren</numerusform>
            <numerusform>%n Einträge &amp;importieren</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Abort Import</source>
        <translation>Import &amp;abbrechen</translation>
    </message>
    <message>
        <source>Import &amp;News…</source>
        <translation>&amp;Nachrichten importieren…</translation>
    </message>
    <message>
        <source>Import news files: CSV, JSON, JSON Lines, RSS/Atom feeds or plain text (Ctrl+Alt+I); you can also drop them onto the window</source>
        <translation>Nachrichtendateien importieren: CSV, JSON, JSON Lines, RSS-/Atom-Feeds oder reiner Text (Strg+Alt+I); Sie können sie auch auf das Fenster ziehen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>&amp;Score News…</source>
        <translation>Nachrichten &amp;bewerten…</translation>
    </message>
    <message>
        <source>Score every news item with a sentiment model: the lexicon, a trained or an imported model (Ctrl+Alt+S)</source>
        <translation>Jede Nachricht mit einem Stimmungsmodell bewerten: dem Lexikon, einem trainierten oder einem importierten Modell (Strg+Alt+S)</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Bewerten</translation>
    </message>
    <message>
        <source>Train S&amp;entiment Model…</source>
        <translation>&amp;Stimmungsmodell trainieren…</translation>
    </message>
    <message>
        <source>Train a text classifier on the project&apos;s labelled news and compare it with the lexicons on held-out folds (Ctrl+Shift+T)</source>
        <translation>Einen Textklassifikator auf den gelabelten Nachrichten des Projekts trainieren und auf zurückgehaltenen Folds mit den Lexika vergleichen (Strg+Umschalt+T)</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>Import Sentiment &amp;Model…</source>
        <translation>Stimmungsmodell &amp;importieren…</translation>
    </message>
    <message>
        <source>Import a BERT-style TorchScript sentiment model (.pt) with its JSON side file and vocab.txt (Ctrl+Alt+M)</source>
        <translation>Ein TorchScript-Stimmungsmodell im BERT-Stil (.pt) mit seiner JSON-Begleitdatei und vocab.txt importieren (Strg+Alt+M)</translation>
    </message>
    <message>
        <source>Import Model</source>
        <translation>Modell importieren</translation>
    </message>
    <message>
        <source>Reset Filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Show all news again</source>
        <translation>Wieder alle Nachrichten anzeigen</translation>
    </message>
    <message>
        <source>News import failed</source>
        <translation>Nachrichtenimport fehlgeschlagen</translation>
    </message>
    <message>
        <source>The import could not be saved; the project is unchanged.

%1</source>
        <translation>Der Import konnte nicht gespeichert werden; das Projekt ist unverändert.

%1</translation>
    </message>
    <message>
        <source>item %1: %2</source>
        <translation>Eintrag %1: %2</translation>
    </message>
    <message>
        <source>News job cancelled; the project is unchanged.</source>
        <translation>Nachrichtenauftrag abgebrochen; das Projekt ist unverändert.</translation>
    </message>
    <message>
        <source>Scoring failed</source>
        <translation>Bewertung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>Training fehlgeschlagen</translation>
    </message>
    <message>
        <source>Model import failed</source>
        <translation>Modellimport fehlgeschlagen</translation>
    </message>
    <message>
        <source>The project is unchanged.

%1</source>
        <translation>Das Projekt ist unverändert.

%1</translation>
    </message>
    <message>
        <source>Imported news from %1: %2 items, %3 rejected, %4 already in the project, %5 linked to instruments</source>
        <translation>Nachrichten aus %1 importiert: %2 Einträge, %3 abgelehnt, %4 bereits im Projekt, %5 mit Instrumenten verknüpft</translation>
    </message>
    <message>
        <source>Scored %1 news items with %2: %3 positive, %4 neutral, %5 negative</source>
        <translation>%1 Nachrichten mit %2 bewertet: %3 positiv, %4 neutral, %5 negativ</translation>
    </message>
    <message>
        <source>Trained sentiment model %1 (%2)</source>
        <translation>Stimmungsmodell %1 trainiert (%2)</translation>
    </message>
    <message>
        <source>Imported sentiment model %1; use Score News… to score with it</source>
        <translation>Stimmungsmodell %1 importiert; verwenden Sie „Nachrichten bewerten…“, um damit zu bewerten</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Import News</source>
        <translation>Nachrichten importieren</translation>
    </message>
    <message>
        <source>News files (*.csv *.json *.jsonl *.ndjson *.xml *.rss *.atom *.txt);;All files (*)</source>
        <translation>Nachrichtendateien (*.csv *.json *.jsonl *.ndjson *.xml *.rss *.atom *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Another job is running; wait for it to finish.</source>
        <translation>Ein anderer Auftrag läuft; warten Sie, bis er abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Score News</source>
        <translation>Nachrichten bewerten</translation>
    </message>
    <message>
        <source>Score every news item with (other models&apos; scores are kept):</source>
        <translation>Jede Nachricht bewerten mit (die Werte anderer Modelle bleiben erhalten):</translation>
    </message>
    <message>
        <source>Import Sentiment Model</source>
        <translation>Stimmungsmodell importieren</translation>
    </message>
    <message>
        <source>Model Side File (JSON)</source>
        <translation>Begleitdatei des Modells (JSON)</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>WordPiece Vocabulary</source>
        <translation>WordPiece-Vokabular</translation>
    </message>
    <message>
        <source>Vocabulary (*.txt);;All files (*)</source>
        <translation>Vokabular (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 of the newest %2 items (choose a ticker or dates for older ones)</source>
        <translation>%1 der neuesten %2 Einträge (wählen Sie einen Ticker oder Datumsangaben für ältere)</translation>
    </message>
    <message>
        <source>Reading the news…</source>
        <translation>Nachrichten werden gelesen …</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::PasswordDialog</name>
    <message>
        <source>Wrong password for “%1”. Check Caps Lock and the keyboard layout, then try again.</source>
        <translation>Falsches Passwort für „%1“. Prüfen Sie die Feststelltaste und das Tastaturlayout und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>“%1” cannot be opened: the file has been altered or damaged since it was saved (its encrypted contents do not pass the integrity check). Its data cannot be trusted, so it is not shown. Open a backup copy of the project instead.</source>
        <translation>„%1“ kann nicht geöffnet werden: Die Datei wurde seit dem Speichern verändert oder beschädigt (ihr verschlüsselter Inhalt besteht die Integritätsprüfung nicht). Ihren Daten kann nicht vertraut werden, daher werden sie nicht angezeigt. Öffnen Sie stattdessen eine Sicherungskopie des Projekts.</translation>
    </message>
    <message>
        <source>“%1” is encrypted: its password is needed to open it.</source>
        <translation>„%1“ ist verschlüsselt: Zum Öffnen wird sein Passwort benötigt.</translation>
    </message>
    <message>
        <source>“%1” is not a MarketLens project: %2</source>
        <translation>„%1“ ist kein MarketLens-Projekt: %2</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <source>Open Encrypted Project</source>
        <translation>Verschlüsseltes Projekt öffnen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is protected with a password. Enter it to open the project.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; ist mit einem Passwort geschützt. Geben Sie es ein, um das Projekt zu öffnen.</translation>
    </message>
    <message>
        <source>Remove Password</source>
        <translation>Passwort entfernen</translation>
    </message>
    <message>
        <source>Enter the current password of &lt;b&gt;%1&lt;/b&gt; to store it unencrypted. Anyone who can read the file will then be able to read its data.</source>
        <translation>Geben Sie das aktuelle Passwort von &lt;b&gt;%1&lt;/b&gt; ein, um das Projekt unverschlüsselt zu speichern. Danach kann jeder, der die Datei lesen kann, auch ihre Daten lesen.</translation>
    </message>
    <message>
        <source>Set Password</source>
        <translation>Passwort festlegen</translation>
    </message>
    <message>
        <source>Protect &lt;b&gt;%1&lt;/b&gt; with a password. The file is encrypted, and the password is asked for each time the project is opened.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; mit einem Passwort schützen. Die Datei wird verschlüsselt, und das Passwort wird bei jedem Öffnen des Projekts abgefragt.</translation>
    </message>
    <message>
        <source>Change Password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Change the password of &lt;b&gt;%1&lt;/b&gt;. The project is encrypted again with a key made from the new password.</source>
        <translation>Das Passwort von &lt;b&gt;%1&lt;/b&gt; ändern. Das Projekt wird mit einem aus dem neuen Passwort abgeleiteten Schlüssel neu verschlüsselt.</translation>
    </message>
    <message>
        <source>The project file</source>
        <translation>Die Projektdatei</translation>
    </message>
    <message>
        <source>The password this project was protected with</source>
        <translation>Das Passwort, mit dem dieses Projekt geschützt wurde</translation>
    </message>
    <message>
        <source>The password the project is protected with now</source>
        <translation>Das Passwort, mit dem das Projekt derzeit geschützt ist</translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation>Akt&amp;uelles Passwort:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters; a few unrelated words make a long password that is easy to remember</source>
        <translation>
            <numerusform>Mindestens %n Zeichen; einige nicht zusammenhängende Wörter ergeben ein langes Passwort, das leicht zu merken ist</numerusform>
            <numerusform>Mindestens %n Zeichen; einige nicht zusammenhängende Wörter ergeben ein langes Passwort, das leicht zu merken ist</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the new password again</source>
        <translation>Das neue Passwort erneut eingeben</translation>
    </message>
    <message>
        <source>A rough guide from the length and the kinds of characters used</source>
        <translation>Eine grobe Einschätzung anhand der Länge und der verwendeten Zeichenarten</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <source>Con&amp;firm:</source>
        <translation>&amp;Bestätigen:</translation>
    </message>
    <message>
        <source>&amp;Show password</source>
        <translation>Passwort an&amp;zeigen</translation>
    </message>
    <message>
        <source>Show the typed characters (make sure no one is looking)</source>
        <translation>Die eingegebenen Zeichen anzeigen (achten Sie darauf, dass niemand zusieht)</translation>
    </message>
    <message>
        <source>&lt;b&gt;A lost password cannot be recovered.&lt;/b&gt; MarketLens keeps no copy of it and has no back door: without the password nobody can open this project again. Keep it somewhere safe, such as a password manager.</source>
        <translation>&lt;b&gt;Ein verlorenes Passwort kann nicht wiederhergestellt werden.&lt;/b&gt; MarketLens speichert keine Kopie davon und hat keine Hintertür: Ohne das Passwort kann niemand dieses Projekt wieder öffnen. Bewahren Sie es sicher auf, etwa in einem Passwortmanager.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>Unlock and open the project (Enter)</source>
        <translation>Das Projekt entsperren und öffnen (Eingabetaste)</translation>
    </message>
    <message>
        <source>&amp;Remove Password</source>
        <translation>Passwort &amp;entfernen</translation>
    </message>
    <message>
        <source>Store the project unencrypted (Enter)</source>
        <translation>Das Projekt unverschlüsselt speichern (Eingabetaste)</translation>
    </message>
    <message>
        <source>&amp;Encrypt</source>
        <translation>&amp;Verschlüsseln</translation>
    </message>
    <message>
        <source>Encrypt the project file with this password (Enter)</source>
        <translation>Die Projektdatei mit diesem Passwort verschlüsseln (Eingabetaste)</translation>
    </message>
    <message>
        <source>&amp;Change Password</source>
        <translation>Passwort &amp;ändern</translation>
    </message>
    <message>
        <source>Encrypt the project file with the new password (Enter)</source>
        <translation>Die Projektdatei mit dem neuen Passwort verschlüsseln (Eingabetaste)</translation>
    </message>
    <message>
        <source>Do not open the project (Escape)</source>
        <translation>Das Projekt nicht öffnen (Esc)</translation>
    </message>
    <message>
        <source>Leave the project as it is (Escape)</source>
        <translation>Das Projekt unverändert lassen (Esc)</translation>
    </message>
    <message numerus="yes">
        <source>Weak: only %n character(s); use at least %1.</source>
        <translation>
            <numerusform>Schwach: nur %n Zeichen; verwenden Sie mindestens %1.</numerusform>
            <numerusform>Schwach: nur %n Zeichen; verwenden Sie mindestens %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fair: longer is stronger (12 or more characters, or a few words).</source>
        <translation>Mittel: Länger ist sicherer (12 oder mehr Zeichen oder einige Wörter).</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Stark.</translation>
    </message>
    <message>
        <source>Type a new password.</source>
        <translation>Geben Sie ein neues Passwort ein.</translation>
    </message>
    <message>
        <source>Type the new password again to confirm it.</source>
        <translation>Geben Sie das neue Passwort zur Bestätigung erneut ein.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Die beiden neuen Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Type the current password.</source>
        <translation>Geben Sie das aktuelle Passwort ein.</translation>
    </message>
    <message>
        <source>Type the password.</source>
        <translation>Geben Sie das Passwort ein.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close this message (Escape)</source>
        <translation>Diese Meldung schließen (Esc)</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>Passwort wird geprüft…</translation>
    </message>
    <message>
        <source>Checking the password and decrypting…</source>
        <translation>Passwort wird geprüft und entschlüsselt…</translation>
    </message>
    <message>
        <source>Deriving the key and encrypting…</source>
        <translation>Schlüssel wird abgeleitet und verschlüsselt…</translation>
    </message>
    <message>
        <source>Checking the password and encrypting again…</source>
        <translation>Passwort wird geprüft und neu verschlüsselt…</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::PortfolioEditor</name>
    <message>
        <source>%1: &apos;%2&apos; is not a number</source>
        <translation>%1: „%2“ ist keine Zahl</translation>
    </message>
    <message>
        <source>%1 must be a finite number</source>
        <translation>%1 muss eine endliche Zahl sein</translation>
    </message>
    <message>
        <source>%1 cannot be negative</source>
        <translation>%1 darf nicht negativ sein</translation>
    </message>
    <message>
        <source>Currency: &apos;%1&apos; is not a three-letter code such as USD</source>
        <translation>Währung: „%1“ ist kein dreistelliger Code wie USD</translation>
    </message>
    <message>
        <source>%1: no project is open</source>
        <translation>%1: Es ist kein Projekt geöffnet</translation>
    </message>
    <message>
        <source>%1: an import is running; edit when it has finished</source>
        <translation>%1: Ein Import läuft; bearbeiten Sie, wenn er abgeschlossen ist</translation>
    </message>
    <message>
        <source>%1 failed; the project is unchanged.

%2</source>
        <translation>„%1“ ist fehlgeschlagen; das Projekt ist unverändert.

%2</translation>
    </message>
    <message>
        <source>%1 (%2 undoes it)</source>
        <translation>%1 (%2 macht es rückgängig)</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Cost Basis</source>
        <translation>Einstandspreis</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>This column cannot be edited</source>
        <translation>Diese Spalte kann nicht bearbeitet werden</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>%1 von %2 ändern</translation>
    </message>
    <message>
        <source>%1 is not in portfolio %2</source>
        <translation>%1 ist nicht im Portfolio %2</translation>
    </message>
    <message>
        <source>%1 needs a quantity or a weight; clear one, not both</source>
        <translation>%1 braucht eine Menge oder ein Gewicht; leeren Sie eines davon, nicht beide</translation>
    </message>
    <message>
        <source>Add Holding %1</source>
        <translation>Position %1 hinzufügen</translation>
    </message>
    <message>
        <source>A holding needs a ticker and a quantity or a weight</source>
        <translation>Eine Position braucht einen Ticker und eine Menge oder ein Gewicht</translation>
    </message>
    <message>
        <source>%1: numbers must be finite</source>
        <translation>%1: Zahlen müssen endlich sein</translation>
    </message>
    <message>
        <source>%1 is already in portfolio %2</source>
        <translation>%1 ist bereits im Portfolio %2</translation>
    </message>
    <message>
        <source>Remove Holding %1</source>
        <translation>Position %1 entfernen</translation>
    </message>
    <message>
        <source>Remove %1 Holdings</source>
        <translation>%1 Positionen entfernen</translation>
    </message>
    <message>
        <source>New Portfolio %1</source>
        <translation>Neues Portfolio %1</translation>
    </message>
    <message>
        <source>A portfolio needs a name</source>
        <translation>Ein Portfolio braucht einen Namen</translation>
    </message>
    <message>
        <source>Rename Portfolio %1 to %2</source>
        <translation>Portfolio %1 in %2 umbenennen</translation>
    </message>
    <message>
        <source>Duplicate Portfolio %1</source>
        <translation>Portfolio %1 duplizieren</translation>
    </message>
    <message>
        <source>Delete Portfolio %1</source>
        <translation>Portfolio %1 löschen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Undo/Redo</source>
        <translation>Rückgängig/Wiederherstellen</translation>
    </message>
    <message>
        <source>%1 failed; the project file is unchanged and the edit history was cleared.

%2</source>
        <translation>„%1“ ist fehlgeschlagen; die Projektdatei ist unverändert und der Bearbeitungsverlauf wurde geleert.

%2</translation>
    </message>
    <message>
        <source>Edit history cleared: portfolios were replaced by an import</source>
        <translation>Bearbeitungsverlauf geleert: Portfolios wurden durch einen Import ersetzt</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederherstellen: %1</translation>
    </message>
    <message>
        <source>&amp;Add Holding…</source>
        <translation>Position &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Add a holding to the portfolio shown in the holdings table (Ins)</source>
        <translation>Dem in der Positionstabelle gezeigten Portfolio eine Position hinzufügen (Einfg)</translation>
    </message>
    <message>
        <source>&amp;Remove Holdings</source>
        <translation>Positionen en&amp;tfernen</translation>
    </message>
    <message>
        <source>Remove the selected holdings from the portfolio (Del)</source>
        <translation>Die ausgewählten Positionen aus dem Portfolio entfernen (Entf)</translation>
    </message>
    <message>
        <source>New &amp;Portfolio…</source>
        <translation>Neues &amp;Portfolio…</translation>
    </message>
    <message>
        <source>Create an empty portfolio (Ctrl+Shift+N)</source>
        <translation>Ein leeres Portfolio anlegen (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <source>Rena&amp;me Portfolio…</source>
        <translation>Portfolio &amp;umbenennen…</translation>
    </message>
    <message>
        <source>Rename the portfolio (F2 in the project tree)</source>
        <translation>Das Portfolio umbenennen (F2 im Projektbaum)</translation>
    </message>
    <message>
        <source>D&amp;uplicate Portfolio…</source>
        <translation>Portfolio &amp;duplizieren…</translation>
    </message>
    <message>
        <source>Copy the portfolio and its holdings under a new name</source>
        <translation>Das Portfolio samt Positionen unter einem neuen Namen kopieren</translation>
    </message>
    <message>
        <source>De&amp;lete Portfolio</source>
        <translation>Portfolio &amp;löschen</translation>
    </message>
    <message>
        <source>Delete the portfolio and its holdings (Del in the project tree; Undo brings it back)</source>
        <translation>Das Portfolio samt Positionen löschen (Entf im Projektbaum; „Rückgängig“ holt es zurück)</translation>
    </message>
    <message>
        <source>Add Holding</source>
        <translation>Position hinzufügen</translation>
    </message>
    <message>
        <source>Select the holdings to remove in the holdings table</source>
        <translation>Wählen Sie die zu entfernenden Positionen in der Positionstabelle aus</translation>
    </message>
    <message>
        <source>New Portfolio</source>
        <translation>Neues Portfolio</translation>
    </message>
    <message>
        <source>Name of the new portfolio:</source>
        <translation>Name des neuen Portfolios:</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <source>Rename Portfolio</source>
        <translation>Portfolio umbenennen</translation>
    </message>
    <message>
        <source>New name of portfolio %1:</source>
        <translation>Neuer Name von Portfolio %1:</translation>
    </message>
    <message>
        <source>Duplicate Portfolio</source>
        <translation>Portfolio duplizieren</translation>
    </message>
    <message>
        <source>Name of the copy of %1:</source>
        <translation>Name der Kopie von %1:</translation>
    </message>
    <message>
        <source>%1 copy</source>
        <translation>%1 Kopie</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language of menus, dialogs and number formats; the system language by default. Takes effect when MarketLens is restarted.</source>
        <translation>Sprache der Menüs, Dialoge und Zahlenformate; standardmäßig die Systemsprache. Wirkt nach einem Neustart von MarketLens.</translation>
    </message>
    <message>
        <source>The new language applies after MarketLens is restarted.</source>
        <translation>Die neue Sprache gilt nach einem Neustart von MarketLens.</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Colours of windows and charts. System follows the desktop&apos;s colours; Light and Dark use the same look on every platform.</source>
        <translation>Farben der Fenster und Diagramme. „System“ folgt den Farben des Desktops; „Hell“ und „Dunkel“ sehen auf jeder Plattform gleich aus.</translation>
    </message>
    <message>
        <source>Confidence levels of VaR and ES that every risk run computes besides the one chosen in the Risk tab, separated by commas: e.g. 0.95, 0.975, 0.99 (or 95, 97.5, 99). Each between %1 and %2, at most %3.</source>
        <translation>Konfidenzniveaus von VaR und ES, die jeder Risikolauf zusätzlich zu dem auf der Registerkarte „Risiko“ gewählten berechnet, durch Kommas getrennt: z. B. 0.95, 0.975, 0.99 (oder 95, 97.5, 99). Jeweils zwischen %1 und %2, höchstens %3.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Periods per year used to annualise daily returns, volatility and Sharpe ratios: 252 trading days for exchange-traded assets, 365 for assets traded every day (e.g. crypto).</source>
        <translation>Perioden pro Jahr zum Annualisieren von Tagesrenditen, Volatilität und Sharpe Ratio: 252 Handelstage für börsengehandelte Werte, 365 für täglich gehandelte Werte (z. B. Kryptowährungen).</translation>
    </message>
    <message>
        <source>All cores (%1)</source>
        <translation>Alle Kerne (%1)</translation>
    </message>
    <message>
        <source>Worker threads of risk runs (Monte Carlo, measures) and of neural network training and inference. 0 uses every core; fewer keep the computer responsive during long runs.</source>
        <translation>Worker-Threads für Risikoläufe (Monte Carlo, Kennzahlen) sowie für Training und Inferenz neuronaler Netze. 0 nutzt jeden Kern; weniger halten den Computer bei langen Läufen reaktionsfähig.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>Default &amp;confidence levels:</source>
        <translation>Standard-&amp;Konfidenzniveaus:</translation>
    </message>
    <message>
        <source>&amp;Annualisation:</source>
        <translation>&amp;Annualisierung:</translation>
    </message>
    <message>
        <source>&amp;Worker threads:</source>
        <translation>&amp;Worker-Threads:</translation>
    </message>
    <message>
        <source>Put the default values into the fields (applied with OK or Apply)</source>
        <translation>Die Standardwerte in die Felder eintragen (übernommen mit OK oder Anwenden)</translation>
    </message>
    <message>
        <source>Apply the values and keep the dialog open</source>
        <translation>Die Werte übernehmen und den Dialog geöffnet lassen</translation>
    </message>
    <message>
        <source>Write levels between 0.5 and 0.9999 separated by commas, e.g. 0.95, 0.99.</source>
        <translation>Geben Sie Niveaus zwischen 0.5 und 0.9999 durch Kommas getrennt ein, z. B. 0.95, 0.99.</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Language, theme, risk defaults and worker threads (%1)</source>
        <translation>Sprache, Farbschema, Risiko-Standardwerte und Worker-Threads (%1)</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::PriceChartView</name>
    <message>
        <source>Wheel: zoom around the cursor
Drag: zoom to the dragged date range
Shift+drag or middle-drag: pan; arrow keys pan, +/- zoom
Double-click or Home: show everything
Click a legend entry to hide or show its series
Right-click: rebase, candlesticks, copy, export</source>
        <translation>Mausrad: um den Cursor zoomen
Ziehen: auf den gezogenen Datumsbereich zoomen
Umschalt+Ziehen oder Ziehen mit mittlerer Taste: verschieben; Pfeiltasten verschieben, +/- zoomen
Doppelklick oder Pos1: alles anzeigen
Klick auf einen Legendeneintrag: Reihe aus- oder einblenden
Rechtsklick: normieren, Kerzen, kopieren, exportieren</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Rebase to 100</source>
        <translation>Auf 100 normieren</translation>
    </message>
    <message>
        <source>Divide each series by its value at the first visible date</source>
        <translation>Jede Reihe durch ihren Wert am ersten sichtbaren Datum teilen</translation>
    </message>
    <message>
        <source>Candlesticks</source>
        <translation>Kerzen</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message numerus="yes">
        <source>%n news item(s)</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Mean score %1</source>
        <translation>Mittlerer Wert %1</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>nicht bewertet</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to read the text and why it scored so</source>
        <translation>Klicken, um den Text zu lesen und zu sehen, warum er so bewertet wurde</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::PricesTab</name>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Reset Zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Show the whole date range (Ctrl+0, or double-click the chart)</source>
        <translation>Den gesamten Datumsbereich anzeigen (Strg+0 oder Doppelklick auf das Diagramm)</translation>
    </message>
    <message>
        <source>Rebase to 100</source>
        <translation>Auf 100 normieren</translation>
    </message>
    <message>
        <source>Rebase every series to 100 at the first visible date (Ctrl+B)</source>
        <translation>Jede Reihe am ersten sichtbaren Datum auf 100 normieren (Strg+B)</translation>
    </message>
    <message>
        <source>Candlesticks</source>
        <translation>Kerzen</translation>
    </message>
    <message>
        <source>Draw candlesticks when one instrument with open/high/low/close data is shown (Ctrl+K)</source>
        <translation>Kerzen zeichnen, wenn ein Instrument mit Eröffnungs-, Hoch-, Tief- und Schlusskursen angezeigt wird (Strg+K)</translation>
    </message>
    <message>
        <source>  Select several instruments to overlay them</source>
        <translation>  Wählen Sie mehrere Instrumente aus, um sie zu überlagern</translation>
    </message>
    <message>
        <source>Portfolio shown in the holdings table</source>
        <translation>Portfolio, das in der Positionstabelle angezeigt wird</translation>
    </message>
    <message>
        <source>Portfolio:</source>
        <translation>Portfolio:</translation>
    </message>
    <message>
        <source>Select one or several instruments (Ctrl/Shift+click) to show them in the chart</source>
        <translation>Wählen Sie ein oder mehrere Instrumente aus (Strg-/Umschalt-Klick), um sie im Diagramm anzuzeigen</translation>
    </message>
    <message>
        <source>Holdings</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Instruments</source>
        <translation>Instrumente</translation>
    </message>
    <message>
        <source>Cannot load %1: %2</source>
        <translation>%1 kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>News Markers</source>
        <translation>Nachrichtenmarker</translation>
    </message>
    <message>
        <source>Mark the news of the shown instruments on their price lines, coloured by sentiment (Ctrl+Shift+M)</source>
        <translation>Die Nachrichten der angezeigten Instrumente auf ihren Kurslinien markieren, nach Stimmung eingefärbt (Strg+Umschalt+M)</translation>
    </message>
    <message>
        <source>Sentiment:</source>
        <translation>Stimmung:</translation>
    </message>
    <message>
        <source>Sentiment model whose scores the markers and the timeline show</source>
        <translation>Stimmungsmodell, dessen Werte die Marker und die Zeitleiste zeigen</translation>
    </message>
    <message>
        <source>Lexicon</source>
        <translation>Lexikon</translation>
    </message>
    <message>
        <source>VADER lexicon</source>
        <translation>VADER-Lexikon</translation>
    </message>
    <message>
        <source>Cannot read the sentiment models: %1</source>
        <translation>Die Stimmungsmodelle können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the news of %1: %2</source>
        <translation>Die Nachrichten zu %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Score news on the News tab to see sentiment here</source>
        <translation>Bewerten Sie Nachrichten auf der Registerkarte „Nachrichten“, um hier die Stimmung zu sehen</translation>
    </message>
    <message>
        <source>Select an instrument to see the sentiment of its news</source>
        <translation>Wählen Sie ein Instrument aus, um die Stimmung seiner Nachrichten zu sehen</translation>
    </message>
    <message>
        <source>No news of %1 scored by %2</source>
        <translation>Keine Nachrichten zu %1 von %2 bewertet</translation>
    </message>
    <message>
        <source>The news cannot be read while an import is running</source>
        <translation>Die Nachrichten können nicht gelesen werden, während ein Import läuft</translation>
    </message>
    <message>
        <source>Cannot read news item %1: %2</source>
        <translation>Nachricht %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 news items of this marker</source>
        <translation>Die ersten %1 von %2 Nachrichten dieses Markers werden angezeigt</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ProjectController</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>%1: a job is running</source>
        <translation>%1: Eine Aufgabe läuft gerade</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ProjectPasswords</name>
    <message>
        <source>Set &amp;Password…</source>
        <translation>&amp;Passwort festlegen…</translation>
    </message>
    <message>
        <source>C&amp;hange Password…</source>
        <translation>Passwort &amp;ändern…</translation>
    </message>
    <message>
        <source>Remo&amp;ve Password…</source>
        <translation>Passwort &amp;entfernen…</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Verschlüsselt</translation>
    </message>
    <message>
        <source>This project file is encrypted with a password (Argon2id key, XChaCha20-Poly1305). Its data is decrypted only in memory. Use File &gt; Change Password or Remove Password to change that.</source>
        <translation>Diese Projektdatei ist mit einem Passwort verschlüsselt (Argon2id-Schlüssel, XChaCha20-Poly1305). Ihre Daten werden nur im Arbeitsspeicher entschlüsselt. Verwenden Sie Datei &gt; Passwort ändern oder Passwort entfernen, um das zu ändern.</translation>
    </message>
    <message>
        <source>Encrypt the project file with a password, asked for each time it is opened; a lost password cannot be recovered</source>
        <translation>Die Projektdatei mit einem Passwort verschlüsseln, das bei jedem Öffnen abgefragt wird; ein verlorenes Passwort kann nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <source>Save the project to a file first (File &gt; Save As): an untitled project lives in a temporary folder and cannot be protected with a password</source>
        <translation>Speichern Sie das Projekt zuerst in einer Datei (Datei &gt; Speichern unter): Ein unbenanntes Projekt liegt in einem temporären Ordner und kann nicht mit einem Passwort geschützt werden</translation>
    </message>
    <message>
        <source>The project already has a password: use Change Password or Remove Password</source>
        <translation>Das Projekt hat bereits ein Passwort: Verwenden Sie „Passwort ändern“ oder „Passwort entfernen“</translation>
    </message>
    <message>
        <source>Wait for the running import to finish</source>
        <translation>Warten Sie, bis der laufende Import abgeschlossen ist</translation>
    </message>
    <message>
        <source>The project has no password (see Set Password)</source>
        <translation>Das Projekt hat kein Passwort (siehe „Passwort festlegen“)</translation>
    </message>
    <message>
        <source>Encrypt the project file again with a new password; the current one is asked for first</source>
        <translation>Die Projektdatei mit einem neuen Passwort neu verschlüsseln; zuerst wird das aktuelle Passwort abgefragt</translation>
    </message>
    <message>
        <source>Store the project file unencrypted again after checking its password; anyone who can read the file can then read its data</source>
        <translation>Die Projektdatei nach Prüfung ihres Passworts wieder unverschlüsselt speichern; danach kann jeder, der die Datei lesen kann, ihre Daten lesen</translation>
    </message>
    <message>
        <source>Opening %1 cancelled; the current project stays open.</source>
        <translation>Öffnen von %1 abgebrochen; das aktuelle Projekt bleibt geöffnet.</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>Es ist kein Projekt geöffnet.</translation>
    </message>
    <message>
        <source>Save the project to a file first (File &gt; Save As): an untitled project lives in a temporary folder and cannot be protected with a password.</source>
        <translation>Speichern Sie das Projekt zuerst in einer Datei (Datei &gt; Speichern unter): Ein unbenanntes Projekt liegt in einem temporären Ordner und kann nicht mit einem Passwort geschützt werden.</translation>
    </message>
    <message>
        <source>A background job is using the project. Wait for it to finish (or cancel it) first.</source>
        <translation>Ein Hintergrundauftrag verwendet das Projekt. Warten Sie zuerst, bis er abgeschlossen ist (oder brechen Sie ihn ab).</translation>
    </message>
    <message>
        <source>Set Password</source>
        <translation>Passwort festlegen</translation>
    </message>
    <message>
        <source>%1 is now encrypted with a password.</source>
        <translation>%1 ist jetzt mit einem Passwort verschlüsselt.</translation>
    </message>
    <message>
        <source>Change Password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>The password of %1 was changed.</source>
        <translation>Das Passwort von %1 wurde geändert.</translation>
    </message>
    <message>
        <source>Remove Password</source>
        <translation>Passwort entfernen</translation>
    </message>
    <message>
        <source>%1 is no longer encrypted.</source>
        <translation>%1 ist nicht mehr verschlüsselt.</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ProjectTree</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Everything stored in the project file. Select instruments to overlay them; drop CSV files here to import them.</source>
        <translation>Alles, was in der Projektdatei gespeichert ist. Wählen Sie Instrumente aus, um sie zu überlagern; ziehen Sie CSV-Dateien hierher, um sie zu importieren.</translation>
    </message>
    <message>
        <source>Portfolios</source>
        <translation>Portfolios</translation>
    </message>
    <message numerus="yes">
        <source>%n holding(s)</source>
        <translation>
            <numerusform>%n Position</numerusform>
            <numerusform>%n Positionen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation>%1 Stück</translation>
    </message>
    <message>
        <source>Instruments</source>
        <translation>Instrumente</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>%1 rows from %2 to %3</source>
        <translation>%1 Zeilen von %2 bis %3</translation>
    </message>
    <message>
        <source>Double-click to open %1 in the Prices tab</source>
        <translation>Doppelklicken, um %1 auf der Registerkarte „Kurse“ zu öffnen</translation>
    </message>
    <message>
        <source>News</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Not available yet</source>
        <translation>Noch nicht verfügbar</translation>
    </message>
    <message>
        <source>Double-click to show the holdings of %1; F2 renames it</source>
        <translation>Doppelklicken, um die Positionen von %1 anzuzeigen; F2 benennt es um</translation>
    </message>
    <message>
        <source>Double-click to create a report</source>
        <translation>Doppelklicken, um einen Bericht zu erstellen</translation>
    </message>
    <message>
        <source>Double-click to open the News tab</source>
        <translation>Doppelklicken, um die Registerkarte „Nachrichten“ zu öffnen</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ReportController</name>
    <message>
        <source>Report preview</source>
        <translation>Berichtsvorschau</translation>
    </message>
    <message>
        <source>Saving report %1</source>
        <translation>Bericht %1 wird gespeichert</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ReportDialog</name>
    <message>
        <source>Create Report</source>
        <translation>Bericht erstellen</translation>
    </message>
    <message>
        <source>Portfolio of the holdings and risk sections</source>
        <translation>Portfolio der Abschnitte zu Positionen und Risiko</translation>
    </message>
    <message>
        <source>&amp;Portfolio:</source>
        <translation>&amp;Portfolio:</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Abschnitte</translation>
    </message>
    <message>
        <source>Sections without content in this project (no models, no news) are left out unless you choose a subset</source>
        <translation>Abschnitte ohne Inhalt in diesem Projekt (keine Modelle, keine Nachrichten) werden weggelassen, sofern Sie keine Auswahl treffen</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Confidence:</source>
        <translation>Konfidenz:</translation>
    </message>
    <message>
        <source>VaR and ES at %1 confidence</source>
        <translation>VaR und ES bei %1 Konfidenz</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Rolling window of the volatility and of the VaR backtest</source>
        <translation>Rollierendes Fenster der Volatilität und des VaR-Backtests</translation>
    </message>
    <message>
        <source>Backtest &amp;window:</source>
        <translation>Backtest-&amp;Fenster:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Read the project again and rebuild the preview (F5)</source>
        <translation>Das Projekt neu lesen und die Vorschau neu aufbauen (F5)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Breite anpassen</translation>
    </message>
    <message>
        <source>Zoom of the preview</source>
        <translation>Zoom der Vorschau</translation>
    </message>
    <message>
        <source>&amp;Zoom:</source>
        <translation>&amp;Zoom:</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>Als P&amp;DF speichern…</translation>
    </message>
    <message>
        <source>Paginated PDF with vector charts and page numbers</source>
        <translation>PDF mit Seitenumbruch, Vektordiagrammen und Seitenzahlen</translation>
    </message>
    <message>
        <source>Save &amp;HTML…</source>
        <translation>Als &amp;HTML speichern…</translation>
    </message>
    <message>
        <source>One self-contained HTML file with the charts as SVG</source>
        <translation>Eine eigenständige HTML-Datei mit den Diagrammen als SVG</translation>
    </message>
    <message>
        <source>(no portfolio)</source>
        <translation>(kein Portfolio)</translation>
    </message>
    <message>
        <source>Choose at least one section.</source>
        <translation>Wählen Sie mindestens einen Abschnitt.</translation>
    </message>
    <message>
        <source>Choose at least one confidence level.</source>
        <translation>Wählen Sie mindestens ein Konfidenzniveau.</translation>
    </message>
    <message>
        <source>Building the preview…</source>
        <translation>Vorschau wird erstellt…</translation>
    </message>
    <message>
        <source>Preview cancelled.</source>
        <translation>Vorschau abgebrochen.</translation>
    </message>
    <message>
        <source>The report cannot be built: %1</source>
        <translation>Der Bericht kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s): %1.</source>
        <translation>
            <numerusform>%n Seite: %1.</numerusform>
            <numerusform>%n Seiten: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>Save Report as PDF</source>
        <translation>Bericht als PDF speichern</translation>
    </message>
    <message>
        <source>Save Report as HTML</source>
        <translation>Bericht als HTML speichern</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>HTML files (*.html *.htm)</source>
        <translation>HTML-Dateien (*.html *.htm)</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved %1 (%2 s).</source>
        <translation>%1 gespeichert (%2 s).</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>Bericht gespeichert unter %1</translation>
    </message>
    <message>
        <source>Saving %1 cancelled.</source>
        <translation>Speichern von %1 abgebrochen.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Report not saved</source>
        <translation>Bericht nicht gespeichert</translation>
    </message>
    <message>
        <source>The report could not be saved to %1: %2</source>
        <translation>Der Bericht konnte nicht unter %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ReturnHistogramView</name>
    <message>
        <source>Portfolio returns</source>
        <translation>Portfoliorenditen</translation>
    </message>
    <message>
        <source>Daily return</source>
        <translation>Tagesrendite</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Run the risk analysis to see the return distribution</source>
        <translation>Führen Sie die Risikoanalyse aus, um die Renditeverteilung zu sehen</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2: %n day(s)</source>
        <translation>
            <numerusform>%1 bis %2: %n Tag</numerusform>
            <numerusform>%1 bis %2: %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>VaR%1: %2</source>
        <translation>VaR%1: %2</translation>
    </message>
    <message>
        <source>VaR</source>
        <translation>VaR</translation>
    </message>
    <message>
        <source>ES%1: %2</source>
        <translation>ES%1: %2</translation>
    </message>
    <message>
        <source>ES</source>
        <translation>ES</translation>
    </message>
    <message>
        <source>VaR%1
%2</source>
        <translation>VaR%1
%2</translation>
    </message>
    <message>
        <source>ES%1
%2</source>
        <translation>ES%1
%2</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::RiskChartView</name>
    <message>
        <source>Drag: zoom to the dragged range; wheel: zoom
Double-click: show everything
Click a legend entry to hide or show its series
Right-click: copy or export the chart</source>
        <translation>Ziehen: auf den gezogenen Bereich zoomen; Mausrad: zoomen
Doppelklick: alles anzeigen
Klick auf einen Legendeneintrag: Reihe aus- oder einblenden
Rechtsklick: Diagramm kopieren oder exportieren</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::RiskRunController</name>
    <message>
        <source>Risk analysis</source>
        <translation>Risikoanalyse</translation>
    </message>
    <message>
        <source>Loading the last risk run</source>
        <translation>Letzter Risikolauf wird geladen</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::RiskView</name>
    <message>
        <source>Distribution</source>
        <translation>Verteilung</translation>
    </message>
    <message>
        <source>Drawdown</source>
        <translation>Drawdown</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>Volatilität</translation>
    </message>
    <message>
        <source>VaR backtest</source>
        <translation>VaR-Backtest</translation>
    </message>
    <message>
        <source>Daily portfolio returns with the VaR and ES lines</source>
        <translation>Tägliche Portfoliorenditen mit den VaR- und ES-Linien</translation>
    </message>
    <message>
        <source>How far the portfolio stood below its previous peak</source>
        <translation>Wie weit das Portfolio unter seinem vorherigen Höchststand lag</translation>
    </message>
    <message>
        <source>Rolling, EWMA and GARCH(1,1) volatility, annualised</source>
        <translation>Rollierende, EWMA- und GARCH(1,1)-Volatilität, annualisiert</translation>
    </message>
    <message>
        <source>Rolling one-day VaR forecast against the realised returns</source>
        <translation>Rollierende eintägige VaR-Prognose im Vergleich zu den realisierten Renditen</translation>
    </message>
    <message>
        <source>Correlation of daily returns</source>
        <translation>Korrelation der Tagesrenditen</translation>
    </message>
    <message>
        <source>Portfolio whose holdings are analysed</source>
        <translation>Portfolio, dessen Positionen analysiert werden</translation>
    </message>
    <message>
        <source>Confidence level of VaR and ES, between 0.5 and 0.9999 (0.95 = the worst 5 % of days)</source>
        <translation>Konfidenzniveau von VaR und ES, zwischen 0.5 und 0.9999 (0.95 = die schlechtesten 5 % der Tage)</translation>
    </message>
    <message>
        <source>Historical: empirical quantile; Gaussian: normal distribution; Modified: Cornish-Fisher (skewness and kurtosis); Monte Carlo: multivariate normal simulation</source>
        <translation>Historisch: empirisches Quantil; Normalverteilt: Normalverteilung; Modifiziert: Cornish-Fisher (Schiefe und Kurtosis); Monte Carlo: Simulation mit multivariater Normalverteilung</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Window of the rolling volatility and of the VaR backtest</source>
        <translation>Fenster der rollierenden Volatilität und des VaR-Backtests</translation>
    </message>
    <message>
        <source>Benchmark for beta (none: no beta factor in the score)</source>
        <translation>Benchmark für Beta (keine: kein Beta-Faktor im Risikowert)</translation>
    </message>
    <message>
        <source>First price date used (inclusive)</source>
        <translation>Erstes verwendetes Kursdatum (einschließlich)</translation>
    </message>
    <message>
        <source>Last price date used (inclusive)</source>
        <translation>Letztes verwendetes Kursdatum (einschließlich)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Berechnen</translation>
    </message>
    <message>
        <source>Compute every measure now and store the run in the project</source>
        <translation>Jetzt alle Kennzahlen berechnen und den Lauf im Projekt speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the running risk analysis</source>
        <translation>Die laufende Risikoanalyse abbrechen</translation>
    </message>
    <message>
        <source>&amp;Portfolio</source>
        <translation>&amp;Portfolio</translation>
    </message>
    <message>
        <source>&amp;Confidence</source>
        <translation>&amp;Konfidenz</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>&amp;Methode</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>&amp;Fenster</translation>
    </message>
    <message>
        <source>&amp;Benchmark</source>
        <translation>&amp;Benchmark</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>Conventions of the numbers shown (see docs/risk.md)</source>
        <translation>Konventionen der angezeigten Zahlen (siehe docs/risk.md)</translation>
    </message>
    <message>
        <source>Holdings</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Write the holdings table, in its current order, to a CSV file</source>
        <translation>Die Positionstabelle in ihrer aktuellen Reihenfolge in eine CSV-Datei schreiben</translation>
    </message>
    <message>
        <source>risk-holdings.csv</source>
        <translation>risiko-positionen.csv</translation>
    </message>
    <message>
        <source>All instruments (equal weight)</source>
        <translation>Alle Instrumente (gleich gewichtet)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>The confidence must be a number between 0.5 and 0.9999, e.g. 0.975.</source>
        <translation>Die Konfidenz muss eine Zahl zwischen 0.5 und 0.9999 sein, z. B. 0.975.</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>Das Startdatum liegt nach dem Enddatum.</translation>
    </message>
    <message>
        <source>Risk view</source>
        <translation>Risikoansicht</translation>
    </message>
    <message>
        <source>Open a project to analyse its risk.</source>
        <translation>Öffnen Sie ein Projekt, um sein Risiko zu analysieren.</translation>
    </message>
    <message>
        <source>An import is running; the risk analysis runs when it has finished.</source>
        <translation>Ein Import läuft; die Risikoanalyse startet, wenn er abgeschlossen ist.</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Risk analysis cancelled.</source>
        <translation>Risikoanalyse abgebrochen.</translation>
    </message>
    <message>
        <source>Risk analysis failed: %1</source>
        <translation>Risikoanalyse fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No risk run stored in this project yet: choose the parameters and press Run.</source>
        <translation>In diesem Projekt ist noch kein Risikolauf gespeichert: Wählen Sie die Parameter und klicken Sie auf „Berechnen“.</translation>
    </message>
    <message>
        <source>Computed %1.</source>
        <translation>Berechnet am %1.</translation>
    </message>
    <message>
        <source>Stored run of %1 (not recomputed).</source>
        <translation>Gespeicherter Lauf vom %1 (nicht neu berechnet).</translation>
    </message>
    <message>
        <source>The run could not be stored in the project: %1</source>
        <translation>Der Lauf konnte nicht im Projekt gespeichert werden: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: VaR %2, ES %3 (%4) · volatility %5 · max drawdown %6 · %7 days, %8 to %9</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: VaR %2, ES %3 (%4) · Volatilität %5 · max. Drawdown %6 · %7 Tage, %8 bis %9</translation>
    </message>
    <message>
        <source>No risk run shown yet.</source>
        <translation>Noch kein Risikolauf angezeigt.</translation>
    </message>
    <message>
        <source>The prices have changed since this run was computed: press Run to update it.</source>
        <translation>Die Kurse haben sich seit der Berechnung dieses Laufs geändert: Klicken Sie auf „Berechnen“, um ihn zu aktualisieren.</translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation>B&amp;is</translation>
    </message>
    <message>
        <source>Learn tail risk</source>
        <translation>Tail-Risiko lernen</translation>
    </message>
    <message>
        <source>Train a 1D-CNN on the returns and volatility of the portfolio&apos;s holdings to estimate each holding&apos;s probability of a loss beyond its 95 % VaR within 5 trading days, and store the model</source>
        <translation>Ein 1D-CNN auf den Renditen und der Volatilität der Portfoliopositionen trainieren, um für jede Position die Wahrscheinlichkeit eines Verlusts jenseits ihres 95-%-VaR innerhalb von 5 Handelstagen zu schätzen, und das Modell speichern</translation>
    </message>
    <message>
        <source>Open a project to learn tail risk.</source>
        <translation>Öffnen Sie ein Projekt, um das Tail-Risiko zu lernen.</translation>
    </message>
    <message>
        <source>Choose a portfolio to learn the tail risk of its holdings.</source>
        <translation>Wählen Sie ein Portfolio, um das Tail-Risiko seiner Positionen zu lernen.</translation>
    </message>
    <message>
        <source>The holdings of %1 have changed since this run: press Run to update it.</source>
        <translation>Die Positionen von %1 haben sich seit diesem Lauf geändert: Klicken Sie auf „Berechnen“, um ihn zu aktualisieren.</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::RollingVolView</name>
    <message>
        <source>Annualised volatility</source>
        <translation>Annualisierte Volatilität</translation>
    </message>
    <message>
        <source>Run the risk analysis to see the volatility over time</source>
        <translation>Führen Sie die Risikoanalyse aus, um die Volatilität im Zeitverlauf zu sehen</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ScoresTable</name>
    <message>
        <source>Forecaster</source>
        <translation>Prognosemodell</translation>
    </message>
    <message>
        <source>MAE</source>
        <translation>MAE</translation>
    </message>
    <message>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <source>MAPE</source>
        <translation>MAPE</translation>
    </message>
    <message>
        <source>sMAPE</source>
        <translation>sMAPE</translation>
    </message>
    <message>
        <source>MASE</source>
        <translation>MASE</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>80 % cover</source>
        <translation>80-%-Abdeckung</translation>
    </message>
    <message>
        <source>95 % cover</source>
        <translation>95-%-Abdeckung</translation>
    </message>
    <message>
        <source>Share of forecasts that moved in the direction the price moved</source>
        <translation>Anteil der Prognosen, die sich in die Richtung bewegten, in die sich der Kurs bewegte</translation>
    </message>
    <message>
        <source>Share of actual prices inside the 80 % interval (ideal: 80 %)</source>
        <translation>Anteil der tatsächlichen Kurse innerhalb des 80-%-Intervalls (ideal: 80 %)</translation>
    </message>
    <message>
        <source>Share of actual prices inside the 95 % interval (ideal: 95 %)</source>
        <translation>Anteil der tatsächlichen Kurse innerhalb des 95-%-Intervalls (ideal: 95 %)</translation>
    </message>
    <message>
        <source>MAE divided by the mean one-day price change of the training part</source>
        <translation>MAE geteilt durch die mittlere eintägige Kursänderung im Trainingsteil</translation>
    </message>
    <message>
        <source>Naive</source>
        <translation>Naiv</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Drift</translation>
    </message>
    <message>
        <source>Seasonal naive</source>
        <translation>Saisonal naiv</translation>
    </message>
    <message>
        <source>Moving average</source>
        <translation>Gleitender Durchschnitt</translation>
    </message>
    <message>
        <source>Linear AR</source>
        <translation>Lineares AR</translation>
    </message>
    <message>
        <source>%1 (model)</source>
        <translation>%1 (Modell)</translation>
    </message>
    <message>
        <source>Lowest of all forecasters</source>
        <translation>Niedrigster Wert aller Prognosemodelle</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::SentimentTimelineView</name>
    <message>
        <source>Daily sentiment of the news: bars show each day&apos;s mean score, lines the exponentially decayed index.
Wheel zooms, drag pans and double-click resets the price chart above.</source>
        <translation>Tägliche Stimmung der Nachrichten: Balken zeigen den mittleren Wert jedes Tages, Linien den exponentiell abklingenden Index.
Mausrad zoomt, Ziehen verschiebt und Doppelklick setzt das Kursdiagramm darüber zurück.</translation>
    </message>
    <message>
        <source>Bars: daily mean score of %1</source>
        <translation>Balken: täglicher mittlerer Wert von %1</translation>
    </message>
    <message>
        <source>Decayed index:</source>
        <translation>Abklingender Index:</translation>
    </message>
    <message numerus="yes">
        <source>mean %1 of %n item(s)</source>
        <translation>
            <numerusform>Mittel %1 aus %n Nachricht</numerusform>
            <numerusform>Mittel %1 aus %n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>no news</source>
        <translation>keine Nachrichten</translation>
    </message>
    <message>
        <source>decayed %1</source>
        <translation>abklingend %1</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::SentimentTrainDialog</name>
    <message>
        <source>Train Sentiment Model</source>
        <translation>Stimmungsmodell trainieren</translation>
    </message>
    <message>
        <source>Bag of n-grams (fast)</source>
        <translation>Bag of N-Grams (schnell)</translation>
    </message>
    <message>
        <source>Small Transformer</source>
        <translation>Kleiner Transformer</translation>
    </message>
    <message>
        <source>Bag of n-grams: an EmbeddingBag over word uni- and bi-grams, strong on short texts. Transformer: 2 layers, 4 heads, slower.</source>
        <translation>Bag of N-Grams: ein EmbeddingBag über Wort-Uni- und -Bigramme, stark bei kurzen Texten. Transformer: 2 Schichten, 4 Heads, langsamer.</translation>
    </message>
    <message>
        <source>&amp;Architecture:</source>
        <translation>&amp;Architektur:</translation>
    </message>
    <message>
        <source>No cross-validation</source>
        <translation>Keine Kreuzvalidierung</translation>
    </message>
    <message>
        <source>Stratified k-fold cross-validation: the model and the lexicons are scored on the same held-out folds</source>
        <translation>Stratifizierte k-fache Kreuzvalidierung: Modell und Lexika werden auf denselben zurückgehaltenen Folds bewertet</translation>
    </message>
    <message>
        <source>Cross-validation &amp;folds:</source>
        <translation>&amp;Folds der Kreuzvalidierung:</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Passes over the training data (0: the architecture&apos;s default)</source>
        <translation>Durchläufe über die Trainingsdaten (0: Standardwert der Architektur)</translation>
    </message>
    <message>
        <source>&amp;Epochs:</source>
        <translation>&amp;Epochen:</translation>
    </message>
    <message>
        <source>Seeds the folds, the shuffling and the weights: the same seed gives the same model on the CPU</source>
        <translation>Seed für die Folds, das Mischen und die Gewichte: derselbe Seed ergibt auf der CPU dasselbe Modell</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>&amp;Seed:</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Name of the stored model</source>
        <translation>Name des gespeicherten Modells</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>The model learns from the project&apos;s labelled news.</source>
        <translation>Das Modell lernt aus den gelabelten Nachrichten des Projekts.</translation>
    </message>
    <message>
        <source>The project has no labelled news: import a news file with a label column first.</source>
        <translation>Das Projekt hat keine gelabelten Nachrichten: Importieren Sie zuerst eine Nachrichtendatei mit einer Label-Spalte.</translation>
    </message>
    <message>
        <source>The model learns from the project&apos;s %1 labelled news items.</source>
        <translation>Das Modell lernt aus den %1 gelabelten Nachrichten des Projekts.</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Trainieren</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::SentimentTrainResultDialog</name>
    <message>
        <source>Sentiment Model Trained</source>
        <translation>Stimmungsmodell trainiert</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) learnt from %3 labelled items in %4 s and is stored in the project.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2) hat in %4 s aus %3 gelabelten Einträgen gelernt und ist im Projekt gespeichert.</translation>
    </message>
    <message>
        <source>Fold</source>
        <translation>Fold</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Model accuracy</source>
        <translation>Genauigkeit des Modells</translation>
    </message>
    <message>
        <source>Model macro-F1</source>
        <translation>Makro-F1 des Modells</translation>
    </message>
    <message>
        <source>Lexicon accuracy</source>
        <translation>Genauigkeit des Lexikons</translation>
    </message>
    <message>
        <source>Lexicon macro-F1</source>
        <translation>Makro-F1 des Lexikons</translation>
    </message>
    <message>
        <source>VADER accuracy</source>
        <translation>Genauigkeit von VADER</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Scores on the held-out part of each fold; the lexicons are scored on the same items</source>
        <translation>Werte auf dem zurückgehaltenen Teil jedes Folds; die Lexika werden auf denselben Einträgen bewertet</translation>
    </message>
    <message>
        <source>The model beats the better lexicon by %1 accuracy points on held-out folds (macro-F1 %2 vs %3).</source>
        <translation>Das Modell übertrifft das bessere Lexikon auf zurückgehaltenen Folds um %1 Genauigkeitspunkte (Makro-F1 %2 gegenüber %3).</translation>
    </message>
    <message>
        <source>The model does not beat the lexicons on held-out folds (%1 vs %2 accuracy): more labelled news may help.</source>
        <translation>Das Modell übertrifft die Lexika auf zurückgehaltenen Folds nicht (Genauigkeit %1 gegenüber %2): mehr gelabelte Nachrichten können helfen.</translation>
    </message>
    <message>
        <source>Trained without cross-validation: no held-out scores.</source>
        <translation>Ohne Kreuzvalidierung trainiert: keine Werte auf zurückgehaltenen Daten.</translation>
    </message>
    <message>
        <source>&amp;Score News With It</source>
        <translation>Damit Nachrichten &amp;bewerten</translation>
    </message>
    <message>
        <source>Score every news item with the new model (the other models&apos; scores are kept)</source>
        <translation>Jede Nachricht mit dem neuen Modell bewerten (die Werte der anderen Modelle bleiben erhalten)</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::SignalPriceChart</name>
    <message>
        <source>Price</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>▲ buy (the signal turns up), ▼ sell; the large outlined one is the latest signal.
Click a marker to see why the model gave that signal.
Drag: zoom; wheel: zoom; double-click: whole history; right-click: export</source>
        <translation>▲ Kauf (das Signal dreht nach oben), ▼ Verkauf; die große umrandete Markierung ist das neueste Signal.
Klicken Sie auf eine Markierung, um zu sehen, warum das Modell dieses Signal gegeben hat.
Ziehen: zoomen; Mausrad: zoomen; Doppelklick: gesamter Verlauf; Rechtsklick: exportieren</translation>
    </message>
    <message>
        <source>Run a signal model to see its buy and sell signals on the price</source>
        <translation>Führen Sie ein Signalmodell aus, um seine Kauf- und Verkaufssignale im Kursdiagramm zu sehen</translation>
    </message>
    <message>
        <source>No prices to show</source>
        <translation>Keine Kurse vorhanden</translation>
    </message>
    <message>
        <source>▲ buy signal</source>
        <translation>▲ Kaufsignal</translation>
    </message>
    <message>
        <source>▼ sell signal</source>
        <translation>▼ Verkaufssignal</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::SignalWaterfallView</name>
    <message>
        <source>up</source>
        <translation>aufwärts</translation>
    </message>
    <message>
        <source>flat</source>
        <translation>seitwärts</translation>
    </message>
    <message>
        <source>down</source>
        <translation>abwärts</translation>
    </message>
    <message>
        <source>Click a buy or sell marker on the chart to see why the model gave that signal</source>
        <translation>Klicken Sie im Diagramm auf eine Kauf- oder Verkaufsmarkierung, um zu sehen, warum das Modell dieses Signal gegeben hat</translation>
    </message>
    <message>
        <source>%1 other features</source>
        <translation>%1 weitere Merkmale</translation>
    </message>
    <message>
        <source>Each bar is one feature&apos;s contribution (%1, %2) to the score of “up” on this day, from the model&apos;s base value to the day&apos;s score; green pushes towards up, red towards down.</source>
        <translation>Jeder Balken ist der Beitrag eines Merkmals (%1, %2) zum Aufwärts-Wert an diesem Tag, vom Basiswert des Modells bis zum Wert des Tages; Grün drückt in Richtung aufwärts, Rot in Richtung abwärts.</translation>
    </message>
    <message>
        <source>%1: %2 (P(up) %3)</source>
        <translation>%1: %2 (P(aufwärts) %3)</translation>
    </message>
    <message>
        <source>Base value</source>
        <translation>Basiswert</translation>
    </message>
    <message>
        <source>Score of up</source>
        <translation>Aufwärts-Wert</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::SignalsController</name>
    <message>
        <source>Signals: %1 %2</source>
        <translation>Signale: %1 %2</translation>
    </message>
    <message>
        <source>“%1” is not a signal model.</source>
        <translation>„%1“ ist kein Signalmodell.</translation>
    </message>
    <message>
        <source>Opening a signal model</source>
        <translation>Signalmodell wird geöffnet</translation>
    </message>
    <message>
        <source>The explanation job ended without a result.</source>
        <translation>Der Erklärungsauftrag endete ohne Ergebnis.</translation>
    </message>
    <message>
        <source>Random forest</source>
        <translation>Random Forest</translation>
    </message>
    <message>
        <source>Gradient boosting</source>
        <translation>Gradient Boosting</translation>
    </message>
    <message>
        <source>SVM</source>
        <translation>SVM</translation>
    </message>
    <message>
        <source>Logistic regression</source>
        <translation>Logistische Regression</translation>
    </message>
    <message>
        <source>MLP</source>
        <translation>MLP</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::SignalsView</name>
    <message>
        <source>No explanation: %1</source>
        <translation>Keine Erklärung: %1</translation>
    </message>
    <message>
        <source>Run a signal model to see its buy and sell signals on the price</source>
        <translation>Führen Sie ein Signalmodell aus, um seine Kauf- und Verkaufssignale im Kursdiagramm zu sehen</translation>
    </message>
    <message>
        <source>The instrument whose next move the model predicts (follows the instrument selected on the Prices tab)</source>
        <translation>Das Instrument, dessen nächste Bewegung das Modell vorhersagt (folgt dem auf der Registerkarte „Kurse“ ausgewählten Instrument)</translation>
    </message>
    <message>
        <source>Random forest and gradient boosting (XGBoost, with SHAP explanations), SVM, logistic regression or a small neural network (MLP)</source>
        <translation>Random Forest und Gradient Boosting (XGBoost, mit SHAP-Erklärungen), SVM, logistische Regression oder ein kleines neuronales Netz (MLP)</translation>
    </message>
    <message>
        <source> d</source>
        <translation> Tg.</translation>
    </message>
    <message>
        <source>Predict the direction of the return over this many trading days</source>
        <translation>Die Richtung der Rendite über so viele Handelstage vorhersagen</translation>
    </message>
    <message>
        <source>Up / down</source>
        <translation>Aufwärts / abwärts</translation>
    </message>
    <message>
        <source>Up / flat / down</source>
        <translation>Aufwärts / seitwärts / abwärts</translation>
    </message>
    <message>
        <source>Two classes, or three with a flat band around zero</source>
        <translation>Zwei Klassen oder drei mit einem Seitwärtsband um null</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Three classes: a move smaller than this (log return) counts as flat</source>
        <translation>Drei Klassen: Eine Bewegung kleiner als diese (Log-Rendite) gilt als seitwärts</translation>
    </message>
    <message>
        <source> bp</source>
        <translation> Bp.</translation>
    </message>
    <message>
        <source>Commission per unit traded, in basis points (1 bp = 0.01 %)</source>
        <translation>Provision je gehandelter Einheit, in Basispunkten (1 Bp. = 0,01 %)</translation>
    </message>
    <message>
        <source>Slippage per unit traded, in basis points</source>
        <translation>Slippage je gehandelter Einheit, in Basispunkten</translation>
    </message>
    <message>
        <source>Lon&amp;g/short</source>
        <translation>Lon&amp;g/Short</translation>
    </message>
    <message>
        <source>Sell short on a down signal instead of staying in cash</source>
        <translation>Bei einem Abwärtssignal leerverkaufen, statt in Cash zu bleiben</translation>
    </message>
    <message>
        <source>one split</source>
        <translation>eine Aufteilung</translation>
    </message>
    <message>
        <source>Walk-forward folds over the test part, each refitted on the days before it; “one split”: train on the first 70 %, test on the rest</source>
        <translation>Walk-forward-Folds über den Testteil, jeder auf den Tagen davor neu angepasst; „eine Aufteilung“: auf den ersten 70 % trainieren, auf dem Rest testen</translation>
    </message>
    <message>
        <source>Sear&amp;ch</source>
        <translation>Parametersu&amp;che</translation>
    </message>
    <message>
        <source>Choose hyper-parameters by a small time-series cross-validated search (slower)</source>
        <translation>Hyperparameter durch eine kleine Suche mit Zeitreihen-Kreuzvalidierung wählen (langsamer)</translation>
    </message>
    <message>
        <source>R&amp;un</source>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <source>Train and evaluate the model, backtest its signal and store it in the project (Ctrl+Return)</source>
        <translation>Das Modell trainieren und bewerten, sein Signal backtesten und es im Projekt speichern (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Tic&amp;ker</source>
        <translation>Tic&amp;ker</translation>
    </message>
    <message>
        <source>M&amp;odel</source>
        <translation>M&amp;odell</translation>
    </message>
    <message>
        <source>Hori&amp;zon</source>
        <translation>Hori&amp;zont</translation>
    </message>
    <message>
        <source>C&amp;lasses</source>
        <translation>K&amp;lassen</translation>
    </message>
    <message>
        <source>Flat &amp;band</source>
        <translation>Seit&amp;wärtsband</translation>
    </message>
    <message>
        <source>Fold&amp;s</source>
        <translation>Fold&amp;s</translation>
    </message>
    <message>
        <source>Cos&amp;t</source>
        <translation>Kost&amp;en</translation>
    </message>
    <message>
        <source>Sl&amp;ippage</source>
        <translation>Sl&amp;ippage</translation>
    </message>
    <message>
        <source>The model on the test days next to two baselines scored on the same days: always the training part&apos;s most frequent class, and always “up”</source>
        <translation>Das Modell an den Testtagen neben zwei an denselben Tagen bewerteten Basismodellen: immer die häufigste Klasse des Trainingsteils und immer „aufwärts“</translation>
    </message>
    <message>
        <source>Trading on the signal after costs and slippage, next to buying and holding over the same test days</source>
        <translation>Handel nach dem Signal nach Kosten und Slippage, neben Buy-and-Hold über dieselben Testtage</translation>
    </message>
    <message>
        <source>Test days by true class (rows) and predicted class (columns)</source>
        <translation>Testtage nach wahrer Klasse (Zeilen) und vorhergesagter Klasse (Spalten)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>Horizont</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Beats baselines</source>
        <translation>Schlägt Basismodelle</translation>
    </message>
    <message>
        <source>O&amp;pen</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Show the selected model&apos;s signals on the current prices</source>
        <translation>Die Signale des ausgewählten Modells auf den aktuellen Kursen anzeigen</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>Wichtigkeit</translation>
    </message>
    <message>
        <source>Stored Models</source>
        <translation>Gespeicherte Modelle</translation>
    </message>
    <message>
        <source>A signals job on %1 ended after another project was opened.</source>
        <translation>Ein Signalauftrag für %1 wurde beendet, nachdem ein anderes Projekt geöffnet wurde.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was stored.</source>
        <translation>Abgebrochen; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Signals job cancelled; nothing was stored.</source>
        <translation>Signalauftrag abgebrochen; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signale</translation>
    </message>
    <message>
        <source>Store model</source>
        <translation>Modell speichern</translation>
    </message>
    <message>
        <source>The signal model could not be stored: %1</source>
        <translation>Das Signalmodell konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Opened “%1”.</source>
        <translation>„%1“ geöffnet.</translation>
    </message>
    <message>
        <source>Signals “%1”: %2</source>
        <translation>Signale „%1“: %2</translation>
    </message>
    <message>
        <source>The backtest&apos;s equity curve against buy-and-hold appears here</source>
        <translation>Hier erscheint die Kapitalkurve des Backtests im Vergleich zu Buy-and-Hold</translation>
    </message>
    <message>
        <source>Click a buy or sell marker on the chart to see why the model gave that signal</source>
        <translation>Klicken Sie im Diagramm auf eine Kauf- oder Verkaufsmarkierung, um zu sehen, warum das Modell dieses Signal gegeben hat</translation>
    </message>
    <message>
        <source>Permutation importance appears here after a run</source>
        <translation>Die Permutationswichtigkeit erscheint hier nach einem Lauf</translation>
    </message>
    <message>
        <source>Mean |SHAP| (trees) or |integrated gradients| (MLP) appear here</source>
        <translation>Hier erscheinen das mittlere |SHAP| (Bäume) oder die |Integrated Gradients| (MLP)</translation>
    </message>
    <message>
        <source>No explanation is available for %1.</source>
        <translation>Für %1 ist keine Erklärung verfügbar.</translation>
    </message>
    <message>
        <source>Explaining the signal of %1…</source>
        <translation>Das Signal vom %1 wird erklärt…</translation>
    </message>
    <message>
        <source> · latest (%1): %2</source>
        <translation> · zuletzt (%1): %2</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 d ahead%4</source>
        <translation>%1 · %2 · %3 Tg. voraus%4</translation>
    </message>
    <message>
        <source>Signal (%1)</source>
        <translation>Signal (%1)</translation>
    </message>
    <message>
        <source>A stored model keeps its backtest&apos;s statistics (Metrics tab), not its equity curve: run it again to see the curve</source>
        <translation>Ein gespeichertes Modell behält die Statistiken seines Backtests (Registerkarte „Kennzahlen“), nicht seine Kapitalkurve: Führen Sie es erneut aus, um die Kurve zu sehen</translation>
    </message>
    <message>
        <source>No backtest</source>
        <translation>Kein Backtest</translation>
    </message>
    <message>
        <source>No explanation of the latest signal: %1</source>
        <translation>Keine Erklärung des neuesten Signals: %1</translation>
    </message>
    <message>
        <source>Stored model “%1”: signals after its training period.</source>
        <translation>Gespeichertes Modell „%1“: Signale nach seinem Trainingszeitraum.</translation>
    </message>
    <message>
        <source>“%1”: %2 test days, %3 signal changes; %4</source>
        <translation>„%1“: %2 Testtage, %3 Signalwechsel; %4</translation>
    </message>
    <message>
        <source>stored in the project.</source>
        <translation>im Projekt gespeichert.</translation>
    </message>
    <message>
        <source>not stored.</source>
        <translation>nicht gespeichert.</translation>
    </message>
    <message>
        <source>Majority</source>
        <translation>Mehrheitsklasse</translation>
    </message>
    <message>
        <source>Always up</source>
        <translation>Immer aufwärts</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>ROC AUC</source>
        <translation>ROC-AUC</translation>
    </message>
    <message>
        <source>Test days</source>
        <translation>Testtage</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Buy and hold</source>
        <translation>Buy-and-Hold</translation>
    </message>
    <message>
        <source>Total return</source>
        <translation>Gesamtrendite</translation>
    </message>
    <message>
        <source>Annual return</source>
        <translation>Rendite p. a.</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>Volatilität</translation>
    </message>
    <message>
        <source>Sharpe</source>
        <translation>Sharpe Ratio</translation>
    </message>
    <message>
        <source>Max drawdown</source>
        <translation>Max. Drawdown</translation>
    </message>
    <message>
        <source>Turnover / year</source>
        <translation>Umschlag / Jahr</translation>
    </message>
    <message>
        <source>Hit rate</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Investitionsgrad</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>Trades</translation>
    </message>
    <message>
        <source>Costs paid</source>
        <translation>Gezahlte Kosten</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>%1 (true)</source>
        <translation>%1 (wahr)</translation>
    </message>
    <message>
        <source>True %1, predicted %2: %3 days (%4 of the true %1 days)</source>
        <translation>Wahre Klasse %1, vorhergesagt %2: %3 Tage (%4 der Tage mit wahrer Klasse %1)</translation>
    </message>
    <message>
        <source>Importance is computed when a model is run</source>
        <translation>Die Wichtigkeit wird berechnet, wenn ein Modell ausgeführt wird</translation>
    </message>
    <message>
        <source>No importance was computed</source>
        <translation>Es wurde keine Wichtigkeit berechnet</translation>
    </message>
    <message>
        <source>Permutation importance</source>
        <translation>Permutationswichtigkeit</translation>
    </message>
    <message>
        <source>Drop in test accuracy</source>
        <translation>Rückgang der Testgenauigkeit</translation>
    </message>
    <message>
        <source>This model has no per-prediction attributions of its own; permutation importance applies to every model</source>
        <translation>Dieses Modell hat keine eigenen Attributionen je Vorhersage; die Permutationswichtigkeit gilt für jedes Modell</translation>
    </message>
    <message>
        <source>Mean |SHAP| (%1)</source>
        <translation>Mittleres |SHAP| (%1)</translation>
    </message>
    <message>
        <source>Mean |attribution| (%1)</source>
        <translation>Mittlere |Attribution| (%1)</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Mean |contribution|</source>
        <translation>Mittlerer |Beitrag|</translation>
    </message>
    <message>
        <source>The stored models could not be read: %1</source>
        <translation>Die gespeicherten Modelle konnten nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n Tg.</numerusform>
            <numerusform>%n Tg.</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1: accuracy %2, F1 %3, AUC %4&lt;br&gt;</source>
        <translation>%1: Genauigkeit %2, F1 %3, AUC %4&lt;br&gt;</translation>
    </message>
    <message>
        <source>Backtest: total return %1 (buy and hold %2), Sharpe %3 (%4)&lt;br&gt;</source>
        <translation>Backtest: Gesamtrendite %1 (Buy-and-Hold %2), Sharpe Ratio %3 (%4)&lt;br&gt;</translation>
    </message>
    <message>
        <source>Test period %1 – %2</source>
        <translation>Testzeitraum %1 – %2</translation>
    </message>
    <message>
        <source>accuracy %1 against majority %2 and always up %3</source>
        <translation>Genauigkeit %1 gegenüber Mehrheitsklasse %2 und „Immer aufwärts“ %3</translation>
    </message>
    <message>
        <source>, p = %1</source>
        <translation>, p = %1</translation>
    </message>
    <message>
        <source>Better than both baselines: %1%2.</source>
        <translation>Besser als beide Basismodelle: %1%2.</translation>
    </message>
    <message>
        <source>Not better than the baselines: not significantly (%1%2); treat it as no edge.</source>
        <translation>Nicht besser als die Basismodelle: nicht signifikant (%1%2); als kein Vorteil zu werten.</translation>
    </message>
    <message>
        <source>Not better than the baselines: %1, ROC AUC %2.</source>
        <translation>Nicht besser als die Basismodelle: %1, ROC AUC %2.</translation>
    </message>
    <message>
        <source>total return %1 against %2, Sharpe %3 against %4</source>
        <translation>Gesamtrendite %1 gegenüber %2, Sharpe %3 gegenüber %4</translation>
    </message>
    <message>
        <source>After costs the signal beats buy-and-hold (%1).</source>
        <translation>Nach Kosten schlägt das Signal Buy-and-Hold (%1).</translation>
    </message>
    <message>
        <source>After costs the signal does not beat buy-and-hold (%1).</source>
        <translation>Nach Kosten schlägt das Signal Buy-and-Hold nicht (%1).</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::TailRiskController</name>
    <message>
        <source>Learning tail risk of %1</source>
        <translation>Tail-Risiko von %1 wird gelernt</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Learning tail risk cancelled.</source>
        <translation>Lernen des Tail-Risikos abgebrochen.</translation>
    </message>
    <message>
        <source>Learning tail risk failed: %1</source>
        <translation>Lernen des Tail-Risikos fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Learned tail risk: Brier skill %1 over the base rate %2, lift %3 in the top decile (test part).</source>
        <translation>Tail-Risiko gelernt: Brier-Skill %1 gegenüber der Basisrate %2, Lift %3 im obersten Dezil (Testteil).</translation>
    </message>
    <message>
        <source>The model could not be stored in the project: %1</source>
        <translation>Das Modell konnte nicht im Projekt gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::TrainingDialog</name>
    <message>
        <source>MLP: dense layers over the flattened window; 1D-CNN: dilated causal convolutions; LSTM and GRU: recurrent; Transformer: self-attention encoder</source>
        <translation>MLP: Dense-Schichten über dem abgeflachten Fenster; 1D-CNN: dilatierte kausale Faltungen; LSTM und GRU: rekurrent; Transformer: Self-Attention-Encoder</translation>
    </message>
    <message>
        <source>Instrument whose prices the model learns from</source>
        <translation>Instrument, aus dessen Kursen das Modell lernt</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>The model forecasts 1 to this many trading days ahead</source>
        <translation>Das Modell prognostiziert 1 bis so viele Handelstage voraus</translation>
    </message>
    <message>
        <source>Past trading days the model sees for each forecast</source>
        <translation>Vergangene Handelstage, die das Modell für jede Prognose sieht</translation>
    </message>
    <message>
        <source>Passes over the training data; training stops earlier when the validation loss no longer improves</source>
        <translation>Durchläufe über die Trainingsdaten; das Training endet früher, wenn sich der Validierungsverlust nicht mehr verbessert</translation>
    </message>
    <message>
        <source>Random seed: the same seed and data give the same model</source>
        <translation>Zufalls-Seed: derselbe Seed und dieselben Daten ergeben dasselbe Modell</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA (GPU)</source>
        <translation>CUDA (GPU)</translation>
    </message>
    <message>
        <source>No CUDA device is available on this computer</source>
        <translation>Auf diesem Computer ist kein CUDA-Gerät verfügbar</translation>
    </message>
    <message>
        <source>Walk-forward folds: the model is refitted before each test period</source>
        <translation>Walk-forward-Folds: Das Modell wird vor jedem Testzeitraum neu angepasst</translation>
    </message>
    <message>
        <source>Expanding window</source>
        <translation>Wachsendes Fenster</translation>
    </message>
    <message>
        <source>Sliding window</source>
        <translation>Gleitendes Fenster</translation>
    </message>
    <message>
        <source>Expanding: each refit uses all earlier data; sliding: the training part keeps its length</source>
        <translation>Wachsend: Jede Neuanpassung nutzt alle früheren Daten; gleitend: Der Trainingsteil behält seine Länge</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <source>&amp;Ticker</source>
        <translation>&amp;Ticker</translation>
    </message>
    <message>
        <source>&amp;Horizon</source>
        <translation>&amp;Horizont</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>&amp;Fenster</translation>
    </message>
    <message>
        <source>&amp;Epochs</source>
        <translation>&amp;Epochen</translation>
    </message>
    <message>
        <source>&amp;Seed</source>
        <translation>&amp;Seed</translation>
    </message>
    <message>
        <source>&amp;Device</source>
        <translation>&amp;Gerät</translation>
    </message>
    <message>
        <source>&amp;Folds</source>
        <translation>F&amp;olds</translation>
    </message>
    <message>
        <source>&amp;Refits</source>
        <translation>&amp;Neuanpassung</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the running job after the current batch</source>
        <translation>Den laufenden Auftrag nach dem aktuellen Batch anhalten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Hide this window; a running job goes on in the jobs bar</source>
        <translation>Dieses Fenster ausblenden; ein laufender Auftrag läuft in der Auftragsleiste weiter</translation>
    </message>
    <message>
        <source>Backtest a Forecaster</source>
        <translation>Prognosemodell backtesten</translation>
    </message>
    <message>
        <source>Train a Forecaster</source>
        <translation>Prognosemodell trainieren</translation>
    </message>
    <message>
        <source>Run &amp;Backtest</source>
        <translation>&amp;Backtest starten</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>T&amp;rainieren</translation>
    </message>
    <message>
        <source>Refit the model on each fold&apos;s past and score it beside the baselines</source>
        <translation>Das Modell auf der Vergangenheit jedes Folds neu anpassen und neben den Basismodellen bewerten</translation>
    </message>
    <message>
        <source>Train the model and store it in the project</source>
        <translation>Das Modell trainieren und im Projekt speichern</translation>
    </message>
    <message>
        <source>Another training or backtest is running; wait for it or cancel it.</source>
        <translation>Ein anderes Training oder ein anderer Backtest läuft; warten Sie darauf oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <source>Open a project with prices first.</source>
        <translation>Öffnen Sie zuerst ein Projekt mit Kursen.</translation>
    </message>
    <message>
        <source>Preparing the data…</source>
        <translation>Daten werden vorbereitet…</translation>
    </message>
    <message>
        <source>Cancelling after the current batch…</source>
        <translation>Abbruch nach dem aktuellen Batch…</translation>
    </message>
    <message>
        <source>Epoch %1 of %2 · batch %3 of %4</source>
        <translation>Epoche %1 von %2 · Batch %3 von %4</translation>
    </message>
    <message>
        <source>Refit %1 of %2 · </source>
        <translation>Neuanpassung %1 von %2 · </translation>
    </message>
    <message>
        <source>Training loss %1 · validation loss %2 · learning rate %3</source>
        <translation>Trainingsverlust %1 · Validierungsverlust %2 · Lernrate %3</translation>
    </message>
    <message>
        <source>Elapsed %1 · about %2 left</source>
        <translation>Verstrichen %1 · noch etwa %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The job was cancelled; nothing was stored.</source>
        <translation>Der Auftrag wurde abgebrochen; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Backtest finished: %1 folds.</source>
        <translation>Backtest abgeschlossen: %1 Folds.</translation>
    </message>
    <message>
        <source>Finished after %1 epochs.</source>
        <translation>Nach %1 Epochen abgeschlossen.</translation>
    </message>
    <message>
        <source>Stored as “%1”.</source>
        <translation>Gespeichert als „%1“.</translation>
    </message>
    <message>
        <source>Not stored: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Use &amp;news sentiment</source>
        <translation>Nachrichtenstimmung &amp;verwenden</translation>
    </message>
    <message>
        <source>Adds the ticker&apos;s daily news sentiment index (lexicon scores, decayed over days) to the model&apos;s inputs. Score the news on the News tab first.</source>
        <translation>Fügt den täglichen Nachrichtenstimmungsindex des Tickers (Lexikonwerte, über Tage abklingend) zu den Eingaben des Modells hinzu. Bewerten Sie zuerst die Nachrichten auf der Registerkarte „Nachrichten“.</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::TrainingWorker</name>
    <message>
        <source>The project has no prices for %1.</source>
        <translation>Das Projekt hat keine Kurse für %1.</translation>
    </message>
    <message>
        <source>This model is a classifier, not a price forecaster.</source>
        <translation>Dieses Modell ist ein Klassifikator, kein Kursprognosemodell.</translation>
    </message>
    <message>
        <source>%1 has no news sentiment index: import news about it and score them on the News tab first.</source>
        <translation>%1 hat keinen Nachrichtenstimmungsindex: Importieren Sie zuerst Nachrichten dazu und bewerten Sie sie auf der Registerkarte „Nachrichten“.</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::UnderwaterView</name>
    <message>
        <source>Drawdown</source>
        <translation>Drawdown</translation>
    </message>
    <message>
        <source>Maximum drawdown</source>
        <translation>Maximaler Drawdown</translation>
    </message>
    <message>
        <source>Below previous peak</source>
        <translation>Unter vorherigem Höchststand</translation>
    </message>
    <message>
        <source>Run the risk analysis to see the drawdowns</source>
        <translation>Führen Sie die Risikoanalyse aus, um die Drawdowns zu sehen</translation>
    </message>
    <message>
        <source>Maximum drawdown %1 % on %2</source>
        <translation>Maximaler Drawdown %1 % am %2</translation>
    </message>
    <message>
        <source>
peak %1</source>
        <translation>
Höchststand am %1</translation>
    </message>
    <message>
        <source>, recovered %1</source>
        <translation>, erholt am %1</translation>
    </message>
    <message>
        <source>, not recovered</source>
        <translation>, nicht erholt</translation>
    </message>
    <message>
        <source>No drawdown in this period</source>
        <translation>Kein Drawdown in diesem Zeitraum</translation>
    </message>
    <message>
        <source>%1: %2 % below the previous peak</source>
        <translation>%1: %2 % unter dem vorherigen Höchststand</translation>
    </message>
</context>
</TS>
