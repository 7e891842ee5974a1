<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_GB">
<context>
    <name>Atelier::ApiError</name>
    <message>
        <source>The API refused the request (HTTP %1): %2</source>
        <translation>Die API hat die Anfrage abgelehnt (HTTP %1): %2</translation>
    </message>
    <message>
        <source>The API reported an error: %1</source>
        <translation>Die API hat einen Fehler gemeldet: %1</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>Netzwerkfehler: %1</translation>
    </message>
    <message>
        <source>Timed out: %1</source>
        <translation>Zeitüberschreitung: %1</translation>
    </message>
    <message>
        <source>type %1</source>
        <translation>Typ %1</translation>
    </message>
    <message>
        <source>code %1</source>
        <translation>Code %1</translation>
    </message>
    <message>
        <source>parameter %1</source>
        <translation>Parameter %1</translation>
    </message>
    <message>
        <source>request id %1</source>
        <translation>Anfrage-ID %1</translation>
    </message>
</context>
<context>
    <name>Atelier::ApiKeyResolver</name>
    <message>
        <source>the environment variable %1</source>
        <translation>die Umgebungsvariable %1</translation>
    </message>
    <message>
        <source>the keychain entry &quot;%1&quot;</source>
        <translation>der Schlüsselbund-Eintrag „%1“</translation>
    </message>
    <message>
        <source>the keychain has no entry &quot;%1&quot;</source>
        <translation>der Schlüsselbund hat keinen Eintrag „%1“</translation>
    </message>
    <message>
        <source>the keychain cannot be used: %1</source>
        <translation>der Schlüsselbund kann nicht verwendet werden: %1</translation>
    </message>
</context>
<context>
    <name>Atelier::BatchClient</name>
    <message>
        <source>Azure OpenAI&apos;s Batch API works differently (global-batch deployments and files of its own); Atelier sends batches to OpenAI or to a gateway with OpenAI&apos;s /files and /batches endpoints. Nothing was sent.</source>
        <translation>Die Batch-API von Azure OpenAI funktioniert anders (Global-Batch-Deployments und eigene Dateien); Atelier sendet Batches an OpenAI oder an ein Gateway mit den Endpunkten /files und /batches von OpenAI. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Stopped before the answer came.</source>
        <translation>Angehalten, bevor die Antwort kam.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not the JSON the API sends (%1).</source>
        <translation>Die Antwort des Servers ist nicht das JSON, das die API sendet (%1).</translation>
    </message>
    <message>
        <source>Stopped before sending.</source>
        <translation>Vor dem Senden angehalten.</translation>
    </message>
    <message>
        <source>%1 cannot be opened for sending: %2.</source>
        <translation>%1 kann zum Senden nicht geöffnet werden: %2.</translation>
    </message>
</context>
<context>
    <name>Atelier::BatchCommand</name>
    <message>
        <source>error: &apos;batch&apos; needs submit, status, fetch or cancel, e.g. &apos;atelier-cli batch submit --prompts prompts.txt&apos;.</source>
        <translation>Fehler: „batch“ braucht submit, status, fetch oder cancel, z. B. „atelier-cli batch submit --prompts prompts.txt“.</translation>
    </message>
    <message>
        <source>error: unknown batch action &quot;%1&quot;; use submit, status, fetch or cancel (see --help).</source>
        <translation>Fehler: unbekannte Batch-Aktion „%1“; verwenden Sie submit, status, fetch oder cancel (siehe --help).</translation>
    </message>
    <message>
        <source>Print JSON instead of text.</source>
        <translation>JSON statt Text ausgeben.</translation>
    </message>
    <message>
        <source>Folder for the images (default: the current folder).</source>
        <translation>Ordner für die Bilder (Standard: der aktuelle Ordner).</translation>
    </message>
    <message>
        <source>Give up when the server sends nothing for this long (default 300).</source>
        <translation>Aufgeben, wenn der Server so lange nichts sendet (Standard 300).</translation>
    </message>
    <message>
        <source>Retries on 408/409/429/5xx and connection errors (default 2).</source>
        <translation>Wiederholungen bei 408/409/429/5xx und Verbindungsfehlern (Standard 2).</translation>
    </message>
    <message>
        <source>error: %1; see &apos;atelier-cli batch --help&apos;.</source>
        <translation>Fehler: %1; siehe „atelier-cli batch --help“.</translation>
    </message>
    <message>
        <source>If this provider has no Batch API (Azure&apos;s differs, many gateways lack it), send the prompts one by one with &apos;atelier-cli generate&apos;.</source>
        <translation>Falls dieser Anbieter keine Batch-API hat (die von Azure ist anders, vielen Gateways fehlt sie), senden Sie die Prompts einzeln mit „atelier-cli generate“.</translation>
    </message>
    <message>
        <source>error: %1: %2</source>
        <translation>Fehler: %1: %2</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>error: &apos;batch submit&apos; needs --prompts FILE, a text file with one prompt a line.</source>
        <translation>Fehler: „batch submit“ braucht --prompts DATEI, eine Textdatei mit einem Prompt pro Zeile.</translation>
    </message>
    <message>
        <source>error: the prompts of a batch come from --prompts FILE, one a line; --prompt and other arguments are for &apos;atelier-cli generate&apos;.</source>
        <translation>Fehler: Die Prompts eines Batches kommen aus --prompts DATEI, einer pro Zeile; --prompt und andere Argumente gehören zu „atelier-cli generate“.</translation>
    </message>
    <message>
        <source>note: a batch never streams; --stream and --partial-images are left out.</source>
        <translation>Hinweis: Ein Batch streamt nie; --stream und --partial-images werden weggelassen.</translation>
    </message>
    <message>
        <source>Nothing was uploaded.</source>
        <translation>Es wurde nichts hochgeladen.</translation>
    </message>
    <message>
        <source>error: %1 line %2 (&quot;%3&quot;): %4: %5</source>
        <translation>Fehler: %1 Zeile %2 („%3“): %4: %5</translation>
    </message>
    <message>
        <source>error: standard output cannot be written.</source>
        <translation>Fehler: Die Standardausgabe kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>error: the batch file cannot be created in %1: %2.</source>
        <translation>Fehler: Die Batch-Datei kann in %1 nicht angelegt werden: %2.</translation>
    </message>
    <message>
        <source>Estimated cost: %1 at batch price (%2 at the normal price; output tokens by an unofficial formula).</source>
        <translation>Geschätzte Kosten: %1 zum Batch-Preis (%2 zum normalen Preis; Ausgabe-Tokens nach einer inoffiziellen Formel).</translation>
    </message>
    <message>
        <source>Estimated cost: %1 at batch price (%2 at the normal price).</source>
        <translation>Geschätzte Kosten: %1 zum Batch-Preis (%2 zum normalen Preis).</translation>
    </message>
    <message numerus="yes">
        <source>Uploading %n request(s)…</source>
        <translation>
            <numerusform>Lade %n Anfrage hoch …</numerusform>
            <numerusform>Lade %n Anfragen hoch …</numerusform>
        </translation>
    </message>
    <message>
        <source>the batch file could not be uploaded</source>
        <translation>die Batch-Datei konnte nicht hochgeladen werden</translation>
    </message>
    <message>
        <source>the batch could not be created (the uploaded file is %1)</source>
        <translation>der Batch konnte nicht angelegt werden (die hochgeladene Datei ist %1)</translation>
    </message>
    <message>
        <source>warning: %1 Note the batch id to fetch it later.</source>
        <translation>Warnung: %1 Notieren Sie die Batch-ID, um ihn später abzuholen.</translation>
    </message>
    <message>
        <source>Batch %1 is %2; results within 24 hours. Follow it with &apos;atelier-cli batch status %1&apos;, save the images with &apos;atelier-cli batch fetch %1&apos;.</source>
        <translation>Batch %1: %2; Ergebnisse innerhalb von 24 Stunden. Verfolgen Sie ihn mit „atelier-cli batch status %1“, speichern Sie die Bilder mit „atelier-cli batch fetch %1“.</translation>
    </message>
    <message>
        <source>error: &apos;batch status&apos; takes at most one batch id.</source>
        <translation>Fehler: „batch status“ nimmt höchstens eine Batch-ID.</translation>
    </message>
    <message>
        <source>Atelier knows no batches yet; start one with &apos;atelier-cli batch submit --prompts FILE&apos;.</source>
        <translation>Atelier kennt noch keine Batches; starten Sie einen mit „atelier-cli batch submit --prompts DATEI“.</translation>
    </message>
    <message>
        <source>BATCH</source>
        <translation>BATCH</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>DONE</source>
        <translation>FERTIG</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLGESCHL.</translation>
    </message>
    <message>
        <source>SUBMITTED</source>
        <translation>GESENDET</translation>
    </message>
    <message>
        <source>error: batch %1: %2</source>
        <translation>Fehler: Batch %1: %2</translation>
    </message>
    <message>
        <source>Batch %1: %2</source>
        <translation>Batch %1: %2</translation>
    </message>
    <message>
        <source>Requests: %1 completed, %2 failed, %3 in all</source>
        <translation>Anfragen: %1 fertig, %2 fehlgeschlagen, %3 insgesamt</translation>
    </message>
    <message numerus="yes">
        <source>Submitted: %1, %n prompt(s)</source>
        <translation>
            <numerusform>Gesendet: %1, %n Prompt</numerusform>
            <numerusform>Gesendet: %1, %n Prompts</numerusform>
        </translation>
    </message>
    <message>
        <source>Estimated cost: %1 at batch price</source>
        <translation>Geschätzte Kosten: %1 zum Batch-Preis</translation>
    </message>
    <message>
        <source>  line %1: %2 (%3)</source>
        <translation>  Zeile %1: %2 (%3)</translation>
    </message>
    <message>
        <source>  %1 (%2)</source>
        <translation>  %1 (%2)</translation>
    </message>
    <message>
        <source>Save the results with &apos;atelier-cli batch fetch %1&apos;.</source>
        <translation>Speichern Sie die Ergebnisse mit „atelier-cli batch fetch %1“.</translation>
    </message>
    <message>
        <source>error: &apos;batch cancel&apos; needs one batch id, e.g. &apos;atelier-cli batch cancel batch_abc123&apos;.</source>
        <translation>Fehler: „batch cancel“ braucht eine Batch-ID, z. B. „atelier-cli batch cancel batch_abc123“.</translation>
    </message>
    <message>
        <source>batch %1 could not be cancelled</source>
        <translation>Batch %1 konnte nicht abgebrochen werden</translation>
    </message>
    <message>
        <source>Batch %1 is %2; what it finished so far can still be fetched.</source>
        <translation>Batch %1: %2; was er bisher fertiggestellt hat, kann noch abgeholt werden.</translation>
    </message>
    <message>
        <source>error: &apos;batch fetch&apos; needs one batch id, e.g. &apos;atelier-cli batch fetch batch_abc123 --out DIR&apos;.</source>
        <translation>Fehler: „batch fetch“ braucht eine Batch-ID, z. B. „atelier-cli batch fetch batch_abc123 --out ORDNER“.</translation>
    </message>
    <message>
        <source>error: --poll-interval needs a number of seconds, e.g. 60.</source>
        <translation>Fehler: --poll-interval braucht eine Anzahl Sekunden, z. B. 60.</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>Batch %1</translation>
    </message>
    <message>
        <source>Batch %1 is %2 (%3 of %4 requests done); nothing to fetch yet. Run this again later, or add --wait.</source>
        <translation>Batch %1: %2 (%3 von %4 Anfragen erledigt); noch nichts abzuholen. Führen Sie dies später erneut aus oder fügen Sie --wait hinzu.</translation>
    </message>
    <message>
        <source>Batch %1 is %2; waiting…</source>
        <translation>Batch %1: %2; warte …</translation>
    </message>
    <message>
        <source>error: batch %1 failed as a whole; no request was run:</source>
        <translation>Fehler: Batch %1 ist als Ganzes fehlgeschlagen; keine Anfrage wurde ausgeführt:</translation>
    </message>
    <message>
        <source>  line %1 (&quot;%2&quot;): %3</source>
        <translation>  Zeile %1 („%2“): %3</translation>
    </message>
    <message>
        <source>  %1</source>
        <translation>  %1</translation>
    </message>
    <message>
        <source>the output file %1 could not be read</source>
        <translation>die Ausgabedatei %1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>the error file %1 could not be read</source>
        <translation>die Fehlerdatei %1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>line %1 (&quot;%2&quot;)</source>
        <translation>Zeile %1 („%2“)</translation>
    </message>
    <message>
        <source>request %1</source>
        <translation>Anfrage %1</translation>
    </message>
    <message>
        <source>error: %1 failed: %2</source>
        <translation>Fehler: %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>error: line %1 of the output file cannot be read (%2); the other results are kept.</source>
        <translation>Fehler: Zeile %1 der Ausgabedatei kann nicht gelesen werden (%2); die übrigen Ergebnisse bleiben erhalten.</translation>
    </message>
    <message>
        <source>error: image %1 of %2 is not base64; it was not saved.</source>
        <translation>Fehler: Bild %1 von %2 ist kein Base64; es wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>error: line %1 of the error file cannot be read (%2).</source>
        <translation>Fehler: Zeile %1 der Fehlerdatei kann nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <source>listed in the error file</source>
        <translation>in der Fehlerdatei aufgeführt</translation>
    </message>
    <message>
        <source>error: %1 was not run: the batch is %2.</source>
        <translation>Fehler: %1 wurde nicht ausgeführt: Der Batch ist %2.</translation>
    </message>
    <message>
        <source>Batch %1: %2 request(s) saved now, %3 saved before, %4 failed.</source>
        <translation>Batch %1: %2 Anfrage(n) jetzt gespeichert, %3 schon vorher, %4 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>error: --markup is not offered in a batch: JSON edits take --image and --mask; send markup edits with &apos;atelier-cli edit&apos;.</source>
        <translation>Fehler: --markup gibt es in einem Batch nicht: JSON-Bearbeitungen nehmen --image und --mask; senden Sie Markup-Bearbeitungen mit „atelier-cli edit“.</translation>
    </message>
    <message>
        <source>error: model: a batch sends edits as JSON, which only GPT image models take; %1 edits need &apos;atelier-cli edit&apos;.</source>
        <translation>Fehler: model: Ein Batch sendet Bearbeitungen als JSON, das nur GPT-Bildmodelle annehmen; Bearbeitungen mit %1 brauchen „atelier-cli edit“.</translation>
    </message>
    <message>
        <source>%1 could not be uploaded</source>
        <translation>%1 konnte nicht hochgeladen werden</translation>
    </message>
</context>
<context>
    <name>Atelier::BatchFetcher</name>
    <message>
        <source>The download was stopped.</source>
        <translation>Der Download wurde angehalten.</translation>
    </message>
    <message>
        <source>A line of the file is longer than %1 MB; it was not read.</source>
        <translation>Eine Zeile der Datei ist länger als %1 MB; sie wurde nicht gelesen.</translation>
    </message>
</context>
<context>
    <name>Atelier::BatchInfo</name>
    <message>
        <source>validating</source>
        <translation>wird geprüft</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in Arbeit</translation>
    </message>
    <message>
        <source>finalizing</source>
        <translation>wird abgeschlossen</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>cancelling</source>
        <translation>wird abgebrochen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>Atelier::BatchMonitor</name>
    <message>
        <source>There is nothing to send.</source>
        <translation>Es gibt nichts zu senden.</translation>
    </message>
    <message>
        <source>A batch takes at most %1 requests.</source>
        <translation>Ein Batch nimmt höchstens %1 Anfragen.</translation>
    </message>
    <message>
        <source>Variations cannot go in a batch; send them one by one.</source>
        <translation>Variationen können nicht in einen Batch; senden Sie sie einzeln.</translation>
    </message>
    <message>
        <source>A batch sends to one endpoint: generations or edits, not both.</source>
        <translation>Ein Batch sendet an einen Endpunkt: Generierungen oder Bearbeitungen, nicht beides.</translation>
    </message>
    <message>
        <source>A batch sends edits as JSON, which takes no markup; send markup edits one by one.</source>
        <translation>Ein Batch sendet Bearbeitungen als JSON, das keine Markierungen nimmt; senden Sie Bearbeitungen mit Markierungen einzeln.</translation>
    </message>
    <message>
        <source>A batch sends edits as JSON, which only GPT image models take; %1 edits go one by one.</source>
        <translation>Ein Batch sendet Bearbeitungen als JSON, das nur GPT-Bildmodelle nehmen; Bearbeitungen mit %1 gehen einzeln.</translation>
    </message>
    <message>
        <source>No API key for %1: nothing was sent.</source>
        <translation>Kein API-Schlüssel für %1: Nichts wurde gesendet.</translation>
    </message>
    <message>
        <source>Another batch is being sent; send this one when it is up.</source>
        <translation>Ein anderer Batch wird gerade gesendet; senden Sie diesen, sobald er oben ist.</translation>
    </message>
    <message>
        <source>%1 could not be uploaded: %2; nothing was sent as a batch.</source>
        <translation>%1 konnte nicht hochgeladen werden: %2; nichts wurde als Batch gesendet.</translation>
    </message>
    <message>
        <source>The batch file cannot be created in %1: %2.</source>
        <translation>Die Batch-Datei kann in %1 nicht angelegt werden: %2.</translation>
    </message>
    <message>
        <source>The batch file could not be uploaded: %1</source>
        <translation>Die Batch-Datei konnte nicht hochgeladen werden: %1</translation>
    </message>
    <message>
        <source>The batch could not be created: %1</source>
        <translation>Der Batch konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>No API key for %1, where this batch went; set one in the settings and choose Fetch now.</source>
        <translation>Kein API-Schlüssel für %1, wohin dieser Batch ging; hinterlegen Sie einen in den Einstellungen und wählen Sie „Jetzt abholen“.</translation>
    </message>
    <message>
        <source>The batch could not be asked for its state: %1</source>
        <translation>Der Stand des Batches konnte nicht abgefragt werden: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>The batch failed as a whole; no request was run.</source>
        <translation>Der Batch ist als Ganzes fehlgeschlagen; keine Anfrage wurde ausgeführt.</translation>
    </message>
    <message>
        <source>The batch failed as a whole; no request was run: %1</source>
        <translation>Der Batch ist als Ganzes fehlgeschlagen; keine Anfrage wurde ausgeführt: %1</translation>
    </message>
    <message>
        <source>The batch expired: the provider did not run every request within 24 hours; what it finished is kept.</source>
        <translation>Der Batch ist abgelaufen: Der Anbieter hat nicht jede Anfrage innerhalb von 24 Stunden ausgeführt; was fertig wurde, bleibt erhalten.</translation>
    </message>
    <message>
        <source>The batch was cancelled; what it finished is kept.</source>
        <translation>Der Batch wurde abgebrochen; was fertig wurde, bleibt erhalten.</translation>
    </message>
    <message>
        <source>The batch could not be cancelled: %1</source>
        <translation>Der Batch konnte nicht abgebrochen werden: %1</translation>
    </message>
    <message>
        <source>%1: %2. Choose Fetch now to try again; what was saved stays.</source>
        <translation>%1: %2. Wählen Sie „Jetzt abholen“, um es erneut zu versuchen; Gespeichertes bleibt.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) were not run: the batch is %1.</source>
        <translation>
            <numerusform>%n Anfrage wurde nicht ausgeführt: Der Batch ist %1.</numerusform>
            <numerusform>%n Anfragen wurden nicht ausgeführt: Der Batch ist %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch %1 is %2: %3 of %4 request(s) are in the gallery.</source>
        <translation>Batch %1 ist %2: %3 von %4 Anfrage(n) sind in der Galerie.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) failed.</source>
        <translation>
            <numerusform>%n Anfrage ist fehlgeschlagen.</numerusform>
            <numerusform>%n Anfragen sind fehlgeschlagen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::BatchOffer</name>
    <message>
        <source>Send as a batch — half the price,
results within 24 hours</source>
        <translation>Als Batch senden — zum halben Preis,
Ergebnisse binnen 24 Stunden</translation>
    </message>
    <message>
        <source>Send as a batch — half the price, results within 24 hours</source>
        <translation>Als Batch senden — zum halben Preis, Ergebnisse binnen 24 Stunden</translation>
    </message>
    <message>
        <source>Send as a batch — %1 instead of %2,
results within 24 hours</source>
        <translation>Als Batch senden — %1 statt %2,
Ergebnisse binnen 24 Stunden</translation>
    </message>
    <message>
        <source>Send as a batch — %1 instead of %2, results within 24 hours</source>
        <translation>Als Batch senden — %1 statt %2, Ergebnisse binnen 24 Stunden</translation>
    </message>
    <message>
        <source>The Batch API runs the requests within 24 hours at half the price; View &gt; Batches follows it and the images land in the gallery.</source>
        <translation>Die Batch-API führt die Anfragen binnen 24 Stunden zum halben Preis aus; Ansicht &gt; Batches verfolgt ihn, und die Bilder landen in der Galerie.</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Jetzt senden</translation>
    </message>
</context>
<context>
    <name>Atelier::BatchOutputLine</name>
    <message>
        <source>The request failed (status %1) without a reason.</source>
        <translation>Die Anfrage ist ohne Begründung fehlgeschlagen (Status %1).</translation>
    </message>
    <message>
        <source>it is not JSON (%1 at character %2)</source>
        <translation>sie ist kein JSON (%1 bei Zeichen %2)</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>sie ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>it has no custom_id</source>
        <translation>sie hat keine custom_id</translation>
    </message>
    <message>
        <source>it has neither a response nor an error</source>
        <translation>sie hat weder eine Antwort noch einen Fehler</translation>
    </message>
    <message>
        <source>image %1 of it has neither image data nor a URL</source>
        <translation>ihr Bild %1 hat weder Bilddaten noch eine URL</translation>
    </message>
    <message>
        <source>its answer contains no images</source>
        <translation>ihre Antwort enthält keine Bilder</translation>
    </message>
</context>
<context>
    <name>Atelier::BatchPlan</name>
    <message>
        <source>The prompts file %1 cannot be read: %2.</source>
        <translation>Die Prompt-Datei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>line %1: the file makes more than %2 requests, the most one batch takes; split it into several files.</source>
        <translation>Zeile %1: Die Datei ergibt mehr als %2 Anfragen, das Maximum eines Batches; teilen Sie sie auf mehrere Dateien auf.</translation>
    </message>
    <message>
        <source>The prompts file has no prompt; write one prompt a line.</source>
        <translation>Die Prompt-Datei enthält keinen Prompt; schreiben Sie einen Prompt pro Zeile.</translation>
    </message>
    <message>
        <source>A batch takes at most %1 requests; this one has %2.</source>
        <translation>Ein Batch nimmt höchstens %1 Anfragen; dieser hat %2.</translation>
    </message>
    <message>
        <source>The batch file would be larger than %1 MB, the most the Batch API takes (at line %2 of the prompts file); split the prompts.</source>
        <translation>Die Batch-Datei wäre größer als %1 MB, das Maximum der Batch-API (bei Zeile %2 der Prompt-Datei); teilen Sie die Prompts auf.</translation>
    </message>
    <message>
        <source>The batch file cannot be written: %1.</source>
        <translation>Die Batch-Datei kann nicht geschrieben werden: %1.</translation>
    </message>
</context>
<context>
    <name>Atelier::BatchResults</name>
    <message>
        <source>line %1 of the output file cannot be read (%2); the other results are kept.</source>
        <translation>Zeile %1 der Ausgabedatei ist nicht lesbar (%2); die übrigen Ergebnisse bleiben erhalten.</translation>
    </message>
    <message>
        <source>The output file could not be read</source>
        <translation>Die Ausgabedatei konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>line %1 of the error file cannot be read (%2).</source>
        <translation>Zeile %1 der Fehlerdatei ist nicht lesbar (%2).</translation>
    </message>
    <message>
        <source>listed in the error file</source>
        <translation>in der Fehlerdatei aufgeführt</translation>
    </message>
    <message>
        <source>The error file could not be read</source>
        <translation>Die Fehlerdatei konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>request %1 (&quot;%2&quot;)</source>
        <translation>Anfrage %1 („%2“)</translation>
    </message>
    <message>
        <source>request %1</source>
        <translation>Anfrage %1</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 could not be saved: the library is not open.</source>
        <translation>%1 konnte nicht gespeichert werden: Die Bibliothek ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>image %1 of %2 is not base64; it was not saved.</source>
        <translation>Bild %1 von %2 ist kein Base64; es wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>%1 could not be saved: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>Atelier::BatchStore</name>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a batch id Atelier can remember.</source>
        <translation>„%1“ ist keine Batch-ID, die Atelier sich merken kann.</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Atelier does not know the batch %1 (it remembers those submitted with &apos;atelier-cli batch submit&apos; in %2).</source>
        <translation>Atelier kennt den Batch %1 nicht (es merkt sich die mit „atelier-cli batch submit“ gesendeten in %2).</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 is damaged (%2); remove it to forget the batch.</source>
        <translation>%1 ist beschädigt (%2); entfernen Sie die Datei, um den Batch zu vergessen.</translation>
    </message>
</context>
<context>
    <name>Atelier::BatchStudio</name>
    <message>
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <source>&amp;Batches</source>
        <translation>Ba&amp;tches</translation>
    </message>
    <message>
        <source>Open a &amp;prompt list…</source>
        <translation>&amp;Prompt-Liste öffnen…</translation>
    </message>
    <message>
        <source>Send the prompts of a text file, one a line, with the options set here; now, or as a batch at half the price.</source>
        <translation>Die Prompts einer Textdatei senden, einer pro Zeile, mit den hier gesetzten Optionen; sofort oder als Batch zum halben Preis.</translation>
    </message>
    <message>
        <source>Open a prompt list</source>
        <translation>Prompt-Liste öffnen</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Textdateien (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Batch %1 sent: results within 24 hours. View &gt; Batches follows it; the images land in the gallery.</source>
        <translation>Batch %1 gesendet: Ergebnisse binnen 24 Stunden. Ansicht &gt; Batches verfolgt ihn; die Bilder landen in der Galerie.</translation>
    </message>
    <message>
        <source>Atelier: a batch is done</source>
        <translation>Atelier: Ein Batch ist fertig</translation>
    </message>
    <message>
        <source>%1 cannot be sent:
%2</source>
        <translation>%1 kann nicht gesendet werden:
%2</translation>
    </message>
    <message>
        <source>%1 cannot be sent with these options:
%2</source>
        <translation>%1 kann mit diesen Optionen nicht gesendet werden:
%2</translation>
    </message>
    <message>
        <source>about $%1 in all</source>
        <translation>insgesamt etwa $%1</translation>
    </message>
    <message>
        <source>at a cost Atelier cannot estimate</source>
        <translation>zu Kosten, die Atelier nicht schätzen kann</translation>
    </message>
    <message>
        <source>Send %1 requests?</source>
        <translation>%1 Anfragen senden?</translation>
    </message>
    <message>
        <source>%1 has %2 prompts, %3. Send them all?</source>
        <translation>%1 enthält %2 Prompts, %3. Alle senden?</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n request(s) from the prompt list.</source>
        <translation>
            <numerusform>%n Anfrage aus der Prompt-Liste gesendet.</numerusform>
            <numerusform>%n Anfragen aus der Prompt-Liste gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>The images of batch %1 are not in this library.</source>
        <translation>Die Bilder von Batch %1 sind nicht in dieser Bibliothek.</translation>
    </message>
</context>
<context>
    <name>Atelier::BatchesView</name>
    <message numerus="yes">
        <source>“%1” and %n more</source>
        <translation>
            <numerusform>„%1“ und %n weiterer</numerusform>
            <numerusform>„%1“ und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Completed / failed / in all</source>
        <translation>Fertig / fehlgeschlagen / insgesamt</translation>
    </message>
    <message>
        <source>No batches yet. A run of several requests (wildcards, the compare grid, File &gt; Open a prompt list…) can be sent as a batch at half the price.</source>
        <translation>Noch keine Batches. Mehrere Anfragen auf einmal (Platzhalter, das Vergleichsraster, Datei &gt; Prompt-Liste öffnen…) lassen sich als Batch zum halben Preis senden.</translation>
    </message>
    <message>
        <source>Fetch now</source>
        <translation>Jetzt abholen</translation>
    </message>
    <message>
        <source>Ask for the batch&apos;s state now, and save what it finished.</source>
        <translation>Den Stand des Batches jetzt abfragen und speichern, was fertig ist.</translation>
    </message>
    <message>
        <source>Cancel batch</source>
        <translation>Batch abbrechen</translation>
    </message>
    <message>
        <source>Stop the batch; what it finished so far is still saved.</source>
        <translation>Den Batch anhalten; was bis dahin fertig wurde, wird trotzdem gespeichert.</translation>
    </message>
    <message>
        <source>Show in gallery</source>
        <translation>In der Galerie zeigen</translation>
    </message>
    <message>
        <source>saving…</source>
        <translation>wird gespeichert…</translation>
    </message>
    <message>
        <source>in the gallery</source>
        <translation>in der Galerie</translation>
    </message>
    <message>
        <source>%1/%2/%3</source>
        <translation>%1/%2/%3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 (estimated %2)</source>
        <translation>%1 (geschätzt %2)</translation>
    </message>
    <message>
        <source>~%1</source>
        <translation>~%1</translation>
    </message>
    <message>
        <source>At batch price; the same requests one by one: %1.</source>
        <translation>Zum Batch-Preis; dieselben Anfragen einzeln: %1.</translation>
    </message>
    <message>
        <source>At batch price.</source>
        <translation>Zum Batch-Preis.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… und %n weitere.</numerusform>
            <numerusform>… und %n weitere.</numerusform>
        </translation>
    </message>
    <message>
        <source>Asked again at %1.</source>
        <translation>Erneute Abfrage um %1.</translation>
    </message>
</context>
<context>
    <name>Atelier::CanvasPanel</name>
    <message>
        <source>Every partial image of the current job; click one to look at it.</source>
        <translation>Alle Teilbilder des aktuellen Auftrags; klicken Sie eines an, um es anzusehen.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>Maske</translation>
    </message>
    <message>
        <source>Paint where the image to edit may change.</source>
        <translation>Malen, wo sich das zu bearbeitende Bild ändern darf.</translation>
    </message>
    <message>
        <source>Waiting for the first image…</source>
        <translation>Warten auf das erste Bild…</translation>
    </message>
    <message>
        <source>Edit, outside the mask kept</source>
        <translation>Bearbeitung, außerhalb der Maske erhalten</translation>
    </message>
    <message>
        <source>Changes outside</source>
        <translation>Änderungen außerhalb</translation>
    </message>
    <message>
        <source>Red: where the model changed pixels outside the mask (they were restored).</source>
        <translation>Rot: wo das Modell Pixel außerhalb der Maske geändert hat (sie wurden wiederhergestellt).</translation>
    </message>
    <message>
        <source>The model changed %1% of the pixels outside the mask; they were put back. The filmstrip shows where; the model&apos;s own output is in the library too.</source>
        <translation>Das Modell hat %1 % der Pixel außerhalb der Maske geändert; sie wurden zurückgesetzt. Der Filmstreifen zeigt, wo; die eigene Ausgabe des Modells liegt ebenfalls in der Bibliothek.</translation>
    </message>
    <message>
        <source>Partial %1</source>
        <translation>Teilbild %1</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Frame %1</source>
        <translation>Einzelbild %1</translation>
    </message>
    <message>
        <source>%1 could not be read (%2); is the file still there?</source>
        <translation>%1 konnte nicht gelesen werden (%2); gibt es die Datei noch?</translation>
    </message>
    <message>
        <source>The model&apos;s output or the inputs of this edit are no longer in the library.</source>
        <translation>Die Ausgabe des Modells oder die Eingaben dieser Bearbeitung sind nicht mehr in der Bibliothek.</translation>
    </message>
    <message>
        <source>Finding the changes outside the mask…</source>
        <translation>Änderungen außerhalb der Maske werden gesucht …</translation>
    </message>
    <message>
        <source>Changes outside the mask: %1%</source>
        <translation>Änderungen außerhalb der Maske: %1 %</translation>
    </message>
    <message>
        <source>Edit (paint a mask)</source>
        <translation>Bearbeiten (Maske malen)</translation>
    </message>
    <message>
        <source>Vary</source>
        <translation>Variieren</translation>
    </message>
    <message>
        <source>Use as reference</source>
        <translation>Als Referenz verwenden</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>Favorit</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeit überschritten</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Keine Verbindung</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>Kein Schlüssel</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Rate-limited</source>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Hold \ for the original</source>
        <translation>\ halten: Original</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Compare with the original: drag the line between the original (left) and the result (right). Hold \ to see the whole original.</source>
        <translation>Mit dem Original vergleichen: Ziehen Sie die Linie zwischen Original (links) und Ergebnis (rechts). Halten Sie \, um das ganze Original zu sehen.</translation>
    </message>
    <message>
        <source>Compare with the original</source>
        <translation>Mit dem Original vergleichen</translation>
    </message>
    <message>
        <source>This job was cancelled.</source>
        <translation>Dieser Auftrag wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation>Wartet auf erneuten Versuch</translation>
    </message>
    <message>
        <source>Receiving · %1 KB</source>
        <translation>Empfang · %1 KB</translation>
    </message>
    <message>
        <source>Receiving…</source>
        <translation>Wird empfangen…</translation>
    </message>
    <message>
        <source>No image: %1</source>
        <translation>Kein Bild: %1</translation>
    </message>
    <message>
        <source>Image %1 did not arrive: %2</source>
        <translation>Bild %1 ist nicht angekommen: %2</translation>
    </message>
    <message>
        <source>Image %1 has not arrived yet.</source>
        <translation>Bild %1 ist noch nicht angekommen.</translation>
    </message>
    <message>
        <source>Refine…</source>
        <translation>Verfeinern…</translation>
    </message>
</context>
<context>
    <name>Atelier::Catalog</name>
    <message>
        <source>Model %1 names an unknown endpoint &quot;%2&quot;; it is ignored. Use generations, edits or variations.</source>
        <translation>Modell %1 nennt einen unbekannten Endpunkt „%2“; er wird ignoriert. Verwenden Sie generations, edits oder variations.</translation>
    </message>
    <message>
        <source>Model %1 lists a parameter &quot;%2&quot; that the Images API does not have; it is ignored.</source>
        <translation>Modell %1 nennt einen Parameter „%2“, den die Images-API nicht kennt; er wird ignoriert.</translation>
    </message>
    <message>
        <source>The model catalog file %1 is not valid JSON (%2 at byte %3); it was ignored. Fix the file or remove it.</source>
        <translation>Die Modellkatalog-Datei %1 ist kein gültiges JSON (%2 bei Byte %3); sie wurde ignoriert. Korrigieren oder entfernen Sie die Datei.</translation>
    </message>
    <message>
        <source>The model catalog file %1 must contain a JSON object with a &quot;models&quot; object; it was ignored.</source>
        <translation>Die Modellkatalog-Datei %1 muss ein JSON-Objekt mit einem Objekt „models“ enthalten; sie wurde ignoriert.</translation>
    </message>
    <message>
        <source>Model %1 inherits from itself (through &quot;inherits&quot;); the loop was cut.</source>
        <translation>Modell %1 erbt (über „inherits“) von sich selbst; die Schleife wurde aufgelöst.</translation>
    </message>
    <message>
        <source>Model %1 uses an unknown template &quot;%2&quot;.</source>
        <translation>Modell %1 verwendet eine unbekannte Vorlage „%2“.</translation>
    </message>
    <message>
        <source>Model %1 inherits from &quot;%2&quot;, which the catalog does not know; check the spelling.</source>
        <translation>Modell %1 erbt von „%2“, das der Katalog nicht kennt; prüfen Sie die Schreibweise.</translation>
    </message>
    <message>
        <source>The model catalog overlay %1 cannot be read (%2); it was ignored.</source>
        <translation>Die Katalog-Ergänzung %1 kann nicht gelesen werden (%2); sie wurde ignoriert.</translation>
    </message>
    <message>
        <source>(built in)</source>
        <translation>(eingebaut)</translation>
    </message>
    <message>
        <source>(overlay)</source>
        <translation>(Ergänzung)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 is not valid JSON; fix it before adding models to it.</source>
        <translation>%1 ist kein gültiges JSON; korrigieren Sie die Datei, bevor Sie Modelle hinzufügen.</translation>
    </message>
    <message>
        <source>Added from the provider&apos;s model list; its rules are assumed to be those of the GPT image models. Correct them in %1.</source>
        <translation>Aus der Modellliste des Anbieters hinzugefügt; es gelten vorerst die Regeln der GPT-Image-Modelle. Korrigieren Sie sie in %1.</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Model %1 has a shutdown date &quot;%2&quot; that is not YYYY-MM-DD; it is ignored.</source>
        <translation>Modell %1 hat ein Abschaltdatum „%2“, das nicht JJJJ-MM-TT ist; es wird ignoriert.</translation>
    </message>
    <message>
        <source>%1 is not an image model the Responses API&apos;s image_generation tool takes; use one of %2.</source>
        <translation>%1 ist kein Bildmodell, das das image_generation-Werkzeug der Responses API annimmt; verwenden Sie eines von %2.</translation>
    </message>
    <message>
        <source>%1 is not an image model Atelier knows the Responses API&apos;s image_generation tool to take; use one of %2, or add it to %3 with &quot;responsesTool&quot;: true.</source>
        <translation>Von %1 weiß Atelier nicht, dass das image_generation-Werkzeug der Responses API es annimmt; verwenden Sie eines von %2, oder tragen Sie es in %3 mit &quot;responsesTool&quot;: true ein.</translation>
    </message>
    <message>
        <source>the mainline model is empty; name one with --responses-model (default %1).</source>
        <translation>das Hauptmodell ist leer; nennen Sie eines mit --responses-model (Standard %1).</translation>
    </message>
    <message>
        <source>the instruction is empty; say what to make or change with --prompt.</source>
        <translation>die Anweisung ist leer; sagen Sie mit --prompt, was entstehen oder sich ändern soll.</translation>
    </message>
</context>
<context>
    <name>Atelier::CliApplication</name>
    <message>
        <source>Input image; repeat for several references (edit: up to 16 for GPT image models, vary: one square PNG).</source>
        <translation>Eingabebild; für mehrere Referenzen wiederholen (edit: bis zu 16 bei GPT-Image-Modellen, vary: ein quadratisches PNG).</translation>
    </message>
    <message>
        <source>PNG whose transparent pixels mark where the first image may change.</source>
        <translation>PNG, dessen transparente Pixel markieren, wo sich das erste Bild ändern darf.</translation>
    </message>
    <message>
        <source>Number of images (1-10; dall-e-3: 1).</source>
        <translation>Anzahl der Bilder (1–10; dall-e-3: 1).</translation>
    </message>
    <message>
        <source>Size: auto, 1024x1024, 1536x1024, ...; gpt-image-2 accepts any WIDTHxHEIGHT in multiples of 16.</source>
        <translation>Größe: auto, 1024x1024, 1536x1024, …; gpt-image-2 nimmt jedes BREITExHÖHE in Vielfachen von 16.</translation>
    </message>
    <message>
        <source>Style for dall-e-3: vivid or natural.</source>
        <translation>Stil für dall-e-3: vivid oder natural.</translation>
    </message>
    <message>
        <source>Background: auto, opaque or transparent (transparent needs png or webp).</source>
        <translation>Hintergrund: auto, opaque oder transparent (transparent braucht png oder webp).</translation>
    </message>
    <message>
        <source>Moderation for GPT image generations: auto or low.</source>
        <translation>Moderation für GPT-Image-Generierungen: auto oder low.</translation>
    </message>
    <message>
        <source>Compression 0-100 for jpeg and webp output.</source>
        <translation>Kompression 0–100 für jpeg- und webp-Ausgabe.</translation>
    </message>
    <message>
        <source>url or b64_json (DALL·E models; URLs are downloaded at once).</source>
        <translation>url oder b64_json (DALL·E-Modelle; URLs werden sofort heruntergeladen).</translation>
    </message>
    <message>
        <source>How closely an edit keeps the input&apos;s features: high or low.</source>
        <translation>Wie genau eine Bearbeitung die Merkmale der Eingabe beibehält: high oder low.</translation>
    </message>
    <message>
        <source>Stream the image: partial images are saved as they arrive (GPT image models).</source>
        <translation>Bild streamen: Teilbilder werden gespeichert, sobald sie ankommen (GPT-Image-Modelle).</translation>
    </message>
    <message>
        <source>Partial images to stream before the final one (0-3; needs --stream).</source>
        <translation>Teilbilder, die vor dem fertigen Bild gestreamt werden (0–3; braucht --stream).</translation>
    </message>
    <message>
        <source>Folder for the images (default: the current folder).</source>
        <translation>Ordner für die Bilder (Standard: der aktuelle Ordner).</translation>
    </message>
    <message>
        <source>File name stem (default: atelier-&lt;date&gt;-&lt;time&gt;-&lt;prompt&gt;).</source>
        <translation>Dateinamensstamm (Standard: atelier-&lt;Datum&gt;-&lt;Uhrzeit&gt;-&lt;Prompt&gt;).</translation>
    </message>
    <message>
        <source>Send nothing; print the exact request as JSON (the key shown as ***).</source>
        <translation>Nichts senden; die genaue Anfrage als JSON ausgeben (der Schlüssel als ***).</translation>
    </message>
    <message>
        <source>Print one JSON summary instead of one path per line (models: the full catalog).</source>
        <translation>Eine JSON-Zusammenfassung statt eines Pfads pro Zeile ausgeben (models: den ganzen Katalog).</translation>
    </message>
    <message>
        <source>openai (default), azure or compatible; the environment decides when not given.</source>
        <translation>openai (Standard), azure oder compatible; ohne Angabe entscheidet die Umgebung.</translation>
    </message>
    <message>
        <source>API base URL (OpenAI-compatible gateway), or the Azure resource endpoint. Default: OPENAI_BASE_URL or https://api.openai.com/v1.</source>
        <translation>API-Basis-URL (OpenAI-kompatibles Gateway) oder der Endpunkt der Azure-Ressource. Standard: OPENAI_BASE_URL oder https://api.openai.com/v1.</translation>
    </message>
    <message>
        <source>OpenAI organization id (default: OPENAI_ORG_ID).</source>
        <translation>OpenAI-Organisations-ID (Standard: OPENAI_ORG_ID).</translation>
    </message>
    <message>
        <source>OpenAI project id (default: OPENAI_PROJECT_ID).</source>
        <translation>OpenAI-Projekt-ID (Standard: OPENAI_PROJECT_ID).</translation>
    </message>
    <message>
        <source>Azure deployment name (default: the model name).</source>
        <translation>Azure-Deployment-Name (Standard: der Modellname).</translation>
    </message>
    <message>
        <source>Azure api-version (default: OPENAI_API_VERSION or 2025-04-01-preview).</source>
        <translation>Azure-api-version (Standard: OPENAI_API_VERSION oder 2025-04-01-preview).</translation>
    </message>
    <message>
        <source>Give up when the server sends nothing for this long (default 300).</source>
        <translation>Aufgeben, wenn der Server so lange nichts sendet (Standard 300).</translation>
    </message>
    <message>
        <source>Give up when the server does not answer within this long (default 30).</source>
        <translation>Aufgeben, wenn der Server nicht innerhalb dieser Zeit antwortet (Standard 30).</translation>
    </message>
    <message>
        <source>Retries on 408/409/429/5xx and connection errors (default 2).</source>
        <translation>Wiederholungen bei 408/409/429/5xx und Verbindungsfehlern (Standard 2).</translation>
    </message>
    <message>
        <source>Model catalog overlay to use instead of the one in the config folder.</source>
        <translation>Katalog-Ergänzung, die statt der im Konfigurationsordner verwendet wird.</translation>
    </message>
    <message>
        <source>List the models Atelier knows, what they can do and their status.</source>
        <translation>Die Modelle auflisten, die Atelier kennt, was sie können und ihren Status.</translation>
    </message>
    <message>
        <source>Create images from a prompt (POST /images/generations).</source>
        <translation>Bilder aus einem Prompt erzeugen (POST /images/generations).</translation>
    </message>
    <message>
        <source>Edit or combine images (POST /images/edits).</source>
        <translation>Bilder bearbeiten oder kombinieren (POST /images/edits).</translation>
    </message>
    <message>
        <source>Store the API key in the desktop keychain (read from standard input, never an argument), remove it, or say where the key comes from.</source>
        <translation>Den API-Schlüssel im Schlüsselbund des Desktops speichern (von der Standardeingabe gelesen, nie als Argument), ihn entfernen oder sagen, woher der Schlüssel kommt.</translation>
    </message>
    <message>
        <source>API key (input hidden): </source>
        <translation>API-Schlüssel (Eingabe verborgen): </translation>
    </message>
    <message>
        <source>the Images API from the command line</source>
        <translation>die Images-API auf der Kommandozeile</translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation>Aufruf:</translation>
    </message>
    <message>
        <source>Options (the commands each applies to in brackets):</source>
        <translation>Optionen (in Klammern die Befehle, für die sie gelten):</translation>
    </message>
    <message>
        <source>API key: OPENAI_API_KEY (AZURE_OPENAI_API_KEY for Azure), else the keychain entry stored with &apos;atelier-cli key set&apos;.</source>
        <translation>API-Schlüssel: OPENAI_API_KEY (AZURE_OPENAI_API_KEY für Azure), sonst der mit „atelier-cli key set“ gespeicherte Schlüsselbund-Eintrag.</translation>
    </message>
    <message>
        <source>Environment: OPENAI_BASE_URL, OPENAI_ORG_ID, OPENAI_PROJECT_ID; AZURE_OPENAI_ENDPOINT, OPENAI_API_VERSION.</source>
        <translation>Umgebung: OPENAI_BASE_URL, OPENAI_ORG_ID, OPENAI_PROJECT_ID; AZURE_OPENAI_ENDPOINT, OPENAI_API_VERSION.</translation>
    </message>
    <message>
        <source>Model catalog overlay: %1</source>
        <translation>Katalog-Ergänzung: %1</translation>
    </message>
    <message>
        <source>Exit codes: 0 success; 1 other failure; 2 invalid input (every problem printed, nothing sent); 3 the API answered with an error; 4 network failure or timeout; 130 interrupted (images received so far are kept).</source>
        <translation>Exit-Codes: 0 Erfolg; 1 sonstiger Fehler; 2 ungültige Eingabe (jedes Problem wird ausgegeben, nichts gesendet); 3 die API hat mit einem Fehler geantwortet; 4 Netzwerkfehler oder Zeitüberschreitung; 130 abgebrochen (bis dahin empfangene Bilder bleiben erhalten).</translation>
    </message>
    <message>
        <source>error: %1; see &apos;atelier-cli %2 --help&apos;.</source>
        <translation>Fehler: %1; siehe „atelier-cli %2 --help“.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>MODEL</source>
        <translation>MODELL</translation>
    </message>
    <message>
        <source>ENDPOINTS</source>
        <translation>ENDPUNKTE</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>error: no key was given; pipe it in, e.g. &apos;atelier-cli key set &lt; key.txt&apos;, or type it when asked.</source>
        <translation>Fehler: kein Schlüssel angegeben; leiten Sie ihn ein, z. B. „atelier-cli key set &lt; key.txt“, oder geben Sie ihn bei der Abfrage ein.</translation>
    </message>
    <message>
        <source>error: the key could not be stored: %1. Set %2 in the environment instead.</source>
        <translation>Fehler: der Schlüssel konnte nicht gespeichert werden: %1. Setzen Sie stattdessen %2 in der Umgebung.</translation>
    </message>
    <message>
        <source>The key for &quot;%1&quot; is stored in the keychain.</source>
        <translation>Der Schlüssel für „%1“ ist im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>error: the key could not be removed: %1.</source>
        <translation>Fehler: der Schlüssel konnte nicht entfernt werden: %1.</translation>
    </message>
    <message>
        <source>The key for &quot;%1&quot; was removed from the keychain.</source>
        <translation>Der Schlüssel für „%1“ wurde aus dem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <source>No API key for &quot;%1&quot;: %2. Set %3 or run &apos;atelier-cli key set&apos;.</source>
        <translation>Kein API-Schlüssel für „%1“: %2. Setzen Sie %3 oder führen Sie „atelier-cli key set“ aus.</translation>
    </message>
    <message>
        <source>The API key for &quot;%1&quot; comes from %2.</source>
        <translation>Der API-Schlüssel für „%1“ kommt aus %2.</translation>
    </message>
    <message>
        <source>error: &apos;key&apos; needs set, clear or status, e.g. &apos;atelier-cli key set&apos;.</source>
        <translation>Fehler: „key“ braucht set, clear oder status, z. B. „atelier-cli key set“.</translation>
    </message>
    <message>
        <source>error: %1: %2</source>
        <translation>Fehler: %1: %2</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>warning: no API key found (%1); a real run would stop here.</source>
        <translation>Warnung: kein API-Schlüssel gefunden (%1); ein echter Lauf würde hier anhalten.</translation>
    </message>
    <message>
        <source>Estimated cost: $%1</source>
        <translation>Geschätzte Kosten: $%1</translation>
    </message>
    <message>
        <source>Retrying (%1) in %2 s: %3</source>
        <translation>Neuer Versuch (%1) in %2 s: %3</translation>
    </message>
    <message>
        <source>What the image should show (or what to change, for edit; vary with OpenAI: what the variation keeps or changes).</source>
        <translation>Was das Bild zeigen soll (bei edit: was sich ändern soll; bei vary mit OpenAI: was die Variation beibehält oder ändert).</translation>
    </message>
    <message>
        <source>Transparent PNG the size of the first image whose drawn marks show where and what to change (gpt-image-2.5 and later; not with --mask).</source>
        <translation>Transparentes PNG in der Größe des ersten Bildes, dessen gezeichnete Markierungen zeigen, wo und was sich ändern soll (ab gpt-image-2.5; nicht mit --mask).</translation>
    </message>
    <message>
        <source>Model (default gpt-image-2.6-flare; vary at Azure or a gateway: dall-e-2). See &apos;atelier-cli models&apos;.</source>
        <translation>Modell (Standard gpt-image-2.6-flare; vary bei Azure oder einem Gateway: dall-e-2). Siehe „atelier-cli models“.</translation>
    </message>
    <message>
        <source>Quality: auto, low, medium, high (GPT image), xhigh and max (gpt-image-2.5); standard, hd (dall-e-3).</source>
        <translation>Qualität: auto, low, medium, high (GPT Image), xhigh und max (gpt-image-2.5); standard, hd (dall-e-3).</translation>
    </message>
    <message>
        <source>Planning effort, independent of quality: low, medium or high (gpt-image-2.6).</source>
        <translation>Planungsaufwand, unabhängig von der Qualität: low, medium oder high (gpt-image-2.6).</translation>
    </message>
    <message>
        <source>Output format for GPT image models: png, jpeg or webp; gif and svg (gpt-image-2.6).</source>
        <translation>Ausgabeformat für GPT-Image-Modelle: png, jpeg oder webp; gif und svg (gpt-image-2.6).</translation>
    </message>
    <message>
        <source>Frames of a GIF (2-16, default 9; needs --output-format gif).</source>
        <translation>Einzelbilder eines GIF (2–16, Standard 9; braucht --output-format gif).</translation>
    </message>
    <message>
        <source>Delay per GIF frame in milliseconds (default 200, rounded to 10; needs --output-format gif).</source>
        <translation>Dauer je GIF-Einzelbild in Millisekunden (Standard 200, auf 10 gerundet; braucht --output-format gif).</translation>
    </message>
    <message>
        <source>The text model that writes SVG output (needs --output-format svg and SVG model selection on the account).</source>
        <translation>Das Textmodell, das die SVG-Ausgabe schreibt (braucht --output-format svg und SVG-Modellauswahl im Konto).</translation>
    </message>
    <message>
        <source>Reasoning effort of the SVG author: none, minimal, low, medium, high, xhigh or max.</source>
        <translation>Denkaufwand des SVG-Autors: none, minimal, low, medium, high, xhigh oder max.</translation>
    </message>
    <message>
        <source>A stable id for your end user (hash it), for OpenAI&apos;s abuse monitoring; replaces --user.</source>
        <translation>Eine feste ID für Ihren Endnutzer (gehasht), für die Missbrauchserkennung von OpenAI; ersetzt --user.</translation>
    </message>
    <message>
        <source>Deprecated: use --safety-identifier. An end-user id passed to the API for abuse monitoring.</source>
        <translation>Veraltet: verwenden Sie --safety-identifier. Eine Endnutzer-ID, die der API zur Missbrauchserkennung übergeben wird.</translation>
    </message>
    <message>
        <source>Variations of an image: with OpenAI an edit with a GPT image model and a variation prompt (POST /images/edits; OpenAI retired the variations endpoint), elsewhere dall-e-2&apos;s POST /images/variations.</source>
        <translation>Variationen eines Bildes: bei OpenAI eine Bearbeitung mit einem GPT-Image-Modell und einem Variations-Prompt (POST /images/edits; OpenAI hat den Variations-Endpunkt eingestellt), anderswo POST /images/variations von dall-e-2.</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Ask the provider for its models first (GET /models) and record the shutdown dates it announces in the catalog overlay.</source>
        <translation>Zuerst den Anbieter nach seinen Modellen fragen (GET /models) und die angekündigten Abschaltdaten in der Katalog-Ergänzung festhalten.</translation>
    </message>
    <message>
        <source>error: the provider&apos;s model list could not be read: %1</source>
        <translation>Fehler: die Modellliste des Anbieters konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1: the provider announces its shutdown on %2 (recorded in %3).</source>
        <translation>%1: der Anbieter kündigt die Abschaltung am %2 an (festgehalten in %3).</translation>
    </message>
    <message>
        <source>The provider also lists image models Atelier does not know: %1. Add them to %2 to use them with their rules.</source>
        <translation>Der Anbieter nennt außerdem Bildmodelle, die Atelier nicht kennt: %1. Tragen Sie sie in %2 ein, um sie mit ihren Regeln zu verwenden.</translation>
    </message>
    <message>
        <source>shut down %1</source>
        <translation>abgeschaltet %1</translation>
    </message>
    <message>
        <source>shut down %1, use %2</source>
        <translation>abgeschaltet %1, verwenden Sie %2</translation>
    </message>
    <message>
        <source>shuts down %1</source>
        <translation>wird abgeschaltet %1</translation>
    </message>
    <message>
        <source>Put P before every model name sent, for gateways that name models by provider (e.g. openai/); default: ATELIER_MODEL_PREFIX.</source>
        <translation>P vor jeden gesendeten Modellnamen setzen, für Gateways, die Modelle nach Anbieter benennen (z. B. openai/); Standard: ATELIER_MODEL_PREFIX.</translation>
    </message>
    <message>
        <source>Keychain entry to use, whatever the base URL (default: the provider&apos;s name and the base URL&apos;s host, e.g. openai@api.openai.com).</source>
        <translation>Zu verwendender Schlüsselbund-Eintrag, unabhängig von der Basis-URL (Standard: der Name des Anbieters und der Host der Basis-URL, z. B. openai@api.openai.com).</translation>
    </message>
    <message>
        <source>Allow a plain http:// base URL on another machine (the key travels unencrypted; warned every time).</source>
        <translation>Eine unverschlüsselte http://-Basis-URL auf einem anderen Rechner erlauben (der Schlüssel wird unverschlüsselt übertragen; jedes Mal eine Warnung).</translation>
    </message>
    <message>
        <source>batch submit: a text file of prompts, one request a line (wildcards expand).</source>
        <translation>batch submit: eine Textdatei mit Prompts, eine Anfrage pro Zeile (Platzhalter werden ausgeweitet).</translation>
    </message>
    <message>
        <source>batch fetch: wait until the batch has finished, asking every --poll-interval.</source>
        <translation>batch fetch: warten, bis der Batch fertig ist, und alle --poll-interval nachfragen.</translation>
    </message>
    <message>
        <source>batch fetch --wait: seconds between two questions (default 30).</source>
        <translation>batch fetch --wait: Sekunden zwischen zwei Nachfragen (Standard 30).</translation>
    </message>
    <message>
        <source>Send one request per line of FILE through the Batch API, at half price, results within 24 hours; prints the batch id.</source>
        <translation>Eine Anfrage pro Zeile von DATEI über die Batch-API senden, zum halben Preis, Ergebnisse innerhalb von 24 Stunden; gibt die Batch-ID aus.</translation>
    </message>
    <message>
        <source>The state and counts of one batch, or of every batch Atelier knows.</source>
        <translation>Zustand und Zähler eines Batches oder aller Batches, die Atelier kennt.</translation>
    </message>
    <message>
        <source>Download and save a finished batch&apos;s images with their recipes; again adds nothing.</source>
        <translation>Die Bilder eines fertigen Batches mit ihren Rezepten herunterladen und speichern; erneutes Abholen fügt nichts hinzu.</translation>
    </message>
    <message>
        <source>Cancel a batch that is still running.</source>
        <translation>Einen noch laufenden Batch abbrechen.</translation>
    </message>
    <message>
        <source>provider &quot;%1&quot; is unknown; use openai, azure or compatible.</source>
        <translation>Anbieter „%1“ ist unbekannt; verwenden Sie openai, azure oder compatible.</translation>
    </message>
    <message>
        <source>no API key found: %1. Set %2 in the environment, or store a key with &apos;atelier-cli key set&apos;.</source>
        <translation>kein API-Schlüssel gefunden: %1. Setzen Sie %2 in der Umgebung oder speichern Sie einen Schlüssel mit „atelier-cli key set“.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;; options start with -- (see --help).</source>
        <translation>unerwartetes Argument „%1“; Optionen beginnen mit -- (siehe --help).</translation>
    </message>
    <message>
        <source>error: unknown command &quot;%1&quot;; use models, generate, edit, vary, refine, key or batch (see --help).</source>
        <translation>Fehler: unbekannter Befehl „%1“; verwenden Sie models, generate, edit, vary, refine, key oder batch (siehe --help).</translation>
    </message>
    <message>
        <source>refine: continue the conversation of this response id (printed as &apos;conversation: resp_...&apos;); only the new instruction is sent.</source>
        <translation>refine: das Gespräch dieser Antwort-ID fortsetzen (ausgegeben als „conversation: resp_...“); nur die neue Anweisung wird gesendet.</translation>
    </message>
    <message>
        <source>refine: the mainline model the image tool runs under (default: the catalog&apos;s, gpt-5.5).</source>
        <translation>refine: das Hauptmodell, unter dem das Bildwerkzeug läuft (Standard: das des Katalogs, gpt-5.5).</translation>
    </message>
    <message>
        <source>refine: whether the tool makes a new image or edits one: generate, edit or auto (default).</source>
        <translation>refine: ob das Werkzeug ein neues Bild erzeugt oder eines bearbeitet: generate, edit oder auto (Standard).</translation>
    </message>
    <message>
        <source>Refine an image in conversation through the Responses API&apos;s image tool (POST /responses): each turn prints the response id to continue from.</source>
        <translation>Ein Bild im Gespräch verfeinern, mit dem Bildwerkzeug der Responses API (POST /responses): jede Runde gibt die Antwort-ID aus, mit der es weitergeht.</translation>
    </message>
    <message>
        <source>--continue needs the response id of the turn to continue (printed as &apos;conversation: resp_...&apos;).</source>
        <translation>--continue braucht die Antwort-ID der Runde, die fortgesetzt werden soll (ausgegeben als „conversation: resp_...“).</translation>
    </message>
    <message>
        <source>error: the provider %1 (%2) has no Responses API: POST %3 answered 404, so refine cannot run there. Use &apos;atelier-cli edit --image FILE --prompt TEXT&apos; instead.</source>
        <translation>Fehler: der Anbieter %1 (%2) hat keine Responses API: POST %3 antwortete mit 404, daher kann refine dort nicht laufen. Verwenden Sie stattdessen „atelier-cli edit --image DATEI --prompt TEXT“.</translation>
    </message>
    <message>
        <source>error: the conversation %1 has expired at %2 (the provider no longer knows that response id): %3</source>
        <translation>Fehler: das Gespräch %1 ist bei %2 abgelaufen (der Anbieter kennt diese Antwort-ID nicht mehr): %3</translation>
    </message>
    <message>
        <source>Start a new one: refine again with --image and the last image, without --continue.</source>
        <translation>Beginnen Sie ein neues: refine erneut mit --image und dem letzten Bild, ohne --continue.</translation>
    </message>
    <message>
        <source>error: the turn was refused: %1</source>
        <translation>Fehler: die Runde wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>%1: %2 input and %3 output tokens</source>
        <translation>%1: %2 Eingabe- und %3 Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>%1: %2 input and %3 output tokens, billed at its own price</source>
        <translation>%1: %2 Eingabe- und %3 Ausgabe-Tokens, zu seinem eigenen Preis abgerechnet</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>Verbrauch: %1</translation>
    </message>
    <message>
        <source>Cost of the image: $%1 (%2)</source>
        <translation>Kosten des Bildes: $%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Atelier::CompareDialog</name>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
</context>
<context>
    <name>Atelier::CompareGridDialog</name>
    <message>
        <source>Compare grid</source>
        <translation>Vergleichsraster</translation>
    </message>
    <message>
        <source>Prompt: %1</source>
        <translation>Prompt: %1</translation>
    </message>
    <message>
        <source>Run the grid</source>
        <translation>Raster ausführen</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s), about $%1 in all.</source>
        <translation>
            <numerusform>%n Anfrage, insgesamt etwa $%1.</numerusform>
            <numerusform>%n Anfragen, insgesamt etwa $%1.</numerusform>
        </translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>Wartet…</translation>
    </message>
    <message>
        <source>$%1 · %2 s</source>
        <translation>$%1 · %2 s</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Use the replacements of shut-down models: %1</source>
        <translation>Die Nachfolger abgeschalteter Modelle verwenden: %1</translation>
    </message>
    <message>
        <source>, with the mask on the first</source>
        <translation>, mit der Maske auf dem ersten</translation>
    </message>
    <message>
        <source>, with the marks on the first</source>
        <translation>, mit den Markierungen auf dem ersten</translation>
    </message>
    <message numerus="yes">
        <source>Compares the edit: each model gets the same %n reference image(s) (%1)%2.</source>
        <translation>
            <numerusform>Vergleicht die Bearbeitung: Jedes Modell bekommt %n Referenzbild, für alle dasselbe (%1)%2.</numerusform>
            <numerusform>Vergleicht die Bearbeitung: Jedes Modell bekommt dieselben %n Referenzbilder (%1)%2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Compares generations only: without reference images there is nothing to edit, so each model makes an image from the prompt alone.</source>
        <translation>Vergleicht nur Generierungen: Ohne Referenzbilder gibt es nichts zu bearbeiten, also macht jedes Modell ein Bild allein aus dem Prompt.</translation>
    </message>
    <message>
        <source>Compares generations: each model makes an image from the prompt.</source>
        <translation>Vergleicht Generierungen: Jedes Modell macht ein Bild aus dem Prompt.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Qualities</source>
        <translation>Qualitäten</translation>
    </message>
    <message numerus="yes">
        <source>%n edit request(s), about $%1 in all (the reference images&apos; input included).</source>
        <translation>
            <numerusform>%n Bearbeitungsanfrage, insgesamt etwa $%1 (die Eingabe der Referenzbilder eingerechnet).</numerusform>
            <numerusform>%n Bearbeitungsanfragen, insgesamt etwa $%1 (die Eingabe der Referenzbilder eingerechnet).</numerusform>
        </translation>
    </message>
    <message>
        <source>Some models have no known price: they are not in the sum.</source>
        <translation>Für einige Modelle ist kein Preis bekannt: Sie fehlen in der Summe.</translation>
    </message>
    <message>
        <source>Send %1 requests?</source>
        <translation>%1 Anfragen senden?</translation>
    </message>
    <message>
        <source>The grid sends %1 requests. Send them now?</source>
        <translation>Das Raster sendet %1 Anfragen. Jetzt senden?</translation>
    </message>
</context>
<context>
    <name>Atelier::CompareGridPlan</name>
    <message>
        <source>%1 × %2 left out: %3</source>
        <translation>%1 × %2 ausgelassen: %3</translation>
    </message>
    <message>
        <source>%1 left out: it cannot edit images.</source>
        <translation>%1 ausgelassen: Es kann keine Bilder bearbeiten.</translation>
    </message>
</context>
<context>
    <name>Atelier::ComposePanel</name>
    <message>
        <source>A preset wraps your prompt: its {prompt} slot takes what you write. Wildcards like {red|green|blue} make one request per choice.</source>
        <translation>Eine Vorlage umschließt Ihren Prompt: ihr Platzhalter {prompt} nimmt auf, was Sie schreiben. Platzhalter wie {red|green|blue} erzeugen je Auswahl eine Anfrage.</translation>
    </message>
    <message>
        <source>Save as preset…</source>
        <translation>Als Vorlage speichern…</translation>
    </message>
    <message>
        <source>Keep the prompt as a preset; write {prompt} where later prompts should go.</source>
        <translation>Den Prompt als Vorlage behalten; schreiben Sie {prompt} dorthin, wo spätere Prompts stehen sollen.</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>Send the request (Ctrl+Return).</source>
        <translation>Die Anfrage senden (Strg+Eingabe).</translation>
    </message>
    <message>
        <source>Reference images (the mask applies to the first):</source>
        <translation>Referenzbilder (die Maske gilt für das erste):</translation>
    </message>
    <message>
        <source>Add images…</source>
        <translation>Bilder hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Paint mask</source>
        <translation>Maske malen</translation>
    </message>
    <message>
        <source>Paint where the first image may change, in the Mask tab.</source>
        <translation>Im Reiter „Maske“ malen, wo sich das erste Bild ändern darf.</translation>
    </message>
    <message>
        <source>Mask file…</source>
        <translation>Maskendatei…</translation>
    </message>
    <message>
        <source>Import a mask: a PNG whose transparent pixels mark where the first image may change, or a black-and-white image, black marking it.</source>
        <translation>Eine Maske importieren: ein PNG, dessen transparente Pixel markieren, wo sich das erste Bild ändern darf, oder ein Schwarzweißbild, in dem Schwarz diese Stellen markiert.</translation>
    </message>
    <message>
        <source>No mask: the whole image may change.</source>
        <translation>Keine Maske: das ganze Bild darf sich ändern.</translation>
    </message>
    <message>
        <source>Keep pixels outside the mask</source>
        <translation>Pixel außerhalb der Maske erhalten</translation>
    </message>
    <message>
        <source>Put the original back wherever you did not paint, with a soft seam, and show how much the model changed there. The model&apos;s own output is kept in the library too.</source>
        <translation>Überall, wo Sie nicht gemalt haben, das Original mit weichem Übergang zurücksetzen und zeigen, wie viel das Modell dort geändert hat. Die eigene Ausgabe des Modells bleibt ebenfalls in der Bibliothek.</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 Zeichen</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 Zeichen</translation>
    </message>
    <message>
        <source>Write a prompt first.</source>
        <translation>Schreiben Sie zuerst einen Prompt.</translation>
    </message>
    <message>
        <source>No API key: set OPENAI_API_KEY or run &apos;atelier-cli key set&apos;, then restart Atelier.</source>
        <translation>Kein API-Schlüssel: setzen Sie OPENAI_API_KEY oder führen Sie „atelier-cli key set“ aus und starten Sie Atelier dann neu.</translation>
    </message>
    <message>
        <source>No price known for this model.</source>
        <translation>Für dieses Modell ist kein Preis bekannt.</translation>
    </message>
    <message>
        <source>%1 prompts × $%2 = $%3 estimated</source>
        <translation>%1 Prompts × $%2 = $%3 geschätzt</translation>
    </message>
    <message>
        <source>Estimated cost: $%1</source>
        <translation>Geschätzte Kosten: $%1</translation>
    </message>
    <message>
        <source> (about %1 output tokens; an estimate, the answer&apos;s usage is billed)</source>
        <translation> (etwa %1 Ausgabe-Token; eine Schätzung, berechnet wird der Verbrauch laut Antwort)</translation>
    </message>
    <message>
        <source> (%1 output tokens)</source>
        <translation> (%1 Ausgabe-Tokens)</translation>
    </message>
    <message>
        <source>about $%1 in all</source>
        <translation>insgesamt etwa $%1</translation>
    </message>
    <message>
        <source>at a cost Atelier cannot estimate</source>
        <translation>zu Kosten, die Atelier nicht schätzen kann</translation>
    </message>
    <message>
        <source>Send %1 requests?</source>
        <translation>%1 Anfragen senden?</translation>
    </message>
    <message>
        <source>The wildcards make %1 prompts, %2. Send them all?</source>
        <translation>Die Platzhalter ergeben %1 Prompts, %2. Alle senden?</translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation>An %1 gesendet.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Write the preset in the prompt first, with {prompt} where later prompts go.</source>
        <translation>Schreiben Sie die Vorlage zuerst in den Prompt, mit {prompt} dort, wo spätere Prompts stehen.</translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation>Vorlage speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Preset &quot;%1&quot; saved; now write the prompt it wraps.</source>
        <translation>Vorlage „%1“ gespeichert; schreiben Sie jetzt den Prompt, den sie umschließt.</translation>
    </message>
    <message>
        <source>Longer than the model takes, so shortened: %1.</source>
        <translation>Länger, als das Modell annimmt, daher gekürzt: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) from outside the library were left out.</source>
        <translation>
            <numerusform>%n Datei von außerhalb der Bibliothek wurde weggelassen.</numerusform>
            <numerusform>%n Dateien von außerhalb der Bibliothek wurden weggelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recipe restored: prompt, model and every parameter.</source>
        <translation>Rezept wiederhergestellt: Prompt, Modell und jeder Parameter.</translation>
    </message>
    <message>
        <source>Recipe restored. %1</source>
        <translation>Rezept wiederhergestellt. %1</translation>
    </message>
    <message>
        <source>Fix the input images?</source>
        <translation>Eingabebilder korrigieren?</translation>
    </message>
    <message>
        <source>The model&apos;s rules need these changes before sending:

%1

Your files stay as they are; fixed copies are sent.</source>
        <translation>Die Regeln des Modells verlangen vor dem Senden diese Änderungen:

%1

Ihre Dateien bleiben, wie sie sind; gesendet werden korrigierte Kopien.</translation>
    </message>
    <message>
        <source>Not sent: the inputs do not meet the model&apos;s rules.
%1</source>
        <translation>Nicht gesendet: die Eingaben erfüllen die Regeln des Modells nicht.
%1</translation>
    </message>
    <message>
        <source>Paint where %1 may change, describe the change, then Ctrl+Return.</source>
        <translation>Malen Sie, wo sich %1 ändern darf, beschreiben Sie die Änderung, dann Strg+Eingabe.</translation>
    </message>
    <message>
        <source>OpenAI retired the variations endpoint: this variation is an edit with %1; change the prompt if you like, then Generate.</source>
        <translation>OpenAI hat den Variations-Endpunkt eingestellt: diese Variation ist eine Bearbeitung mit %1; ändern Sie den Prompt nach Belieben und klicken Sie dann auf Erzeugen.</translation>
    </message>
    <message>
        <source>Variations of this</source>
        <translation>Variationen davon</translation>
    </message>
    <message>
        <source>Painted mask on %1: %2% of it may change.</source>
        <translation>Gemalte Maske auf %1: %2 % davon dürfen sich ändern.</translation>
    </message>
    <message>
        <source>Nothing painted on %1 yet: the whole image may change.</source>
        <translation>Auf %1 ist noch nichts gemalt: das ganze Bild darf sich ändern.</translation>
    </message>
    <message>
        <source>Add reference images</source>
        <translation>Referenzbilder hinzufügen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>Add the image to edit first; the mask applies to the first reference.</source>
        <translation>Fügen Sie zuerst das zu bearbeitende Bild hinzu; die Maske gilt für die erste Referenz.</translation>
    </message>
    <message>
        <source>Import a mask</source>
        <translation>Eine Maske importieren</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created: %2.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden: %2.</translation>
    </message>
    <message>
        <source>The pasted image could not be saved: %1</source>
        <translation>Das eingefügte Bild konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Size follows the image to edit: %1.</source>
        <translation>Die Größe folgt dem zu bearbeitenden Bild: %1.</translation>
    </message>
    <message>
        <source>Sent to %1. %2</source>
        <translation>An %1 gesendet. %2</translation>
    </message>
    <message>
        <source>Choose image files to add to the references.</source>
        <translation>Bilddateien wählen, die zu den Referenzen hinzukommen.</translation>
    </message>
    <message>
        <source>Remove the selected references (Delete in the tray).</source>
        <translation>Die ausgewählten Referenzen entfernen (Entf in der Leiste).</translation>
    </message>
    <message>
        <source>The mask painted on %1 is not sent: %1 is no longer a reference.</source>
        <translation>Die auf %1 gemalte Maske wird nicht gesendet: %1 ist keine Referenz mehr.</translation>
    </message>
    <message>
        <source>The mask painted on %1 is not sent: the mask applies to the first image, now %2. Move %1 back to the front to send it.</source>
        <translation>Die auf %1 gemalte Maske wird nicht gesendet: Die Maske gilt für das erste Bild, jetzt %2. Schieben Sie %1 wieder nach vorn, um sie zu senden.</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message numerus="yes">
        <source>The references hold %n other image(s). Edit this image alone, or keep them as references behind it?</source>
        <translation>
            <numerusform>Die Referenzen enthalten %n weiteres Bild. Nur dieses Bild bearbeiten oder das andere als Referenz dahinter behalten?</numerusform>
            <numerusform>Die Referenzen enthalten %n weitere Bilder. Nur dieses Bild bearbeiten oder die anderen als Referenzen dahinter behalten?</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Add to the references</source>
        <translation>Zu den Referenzen hinzufügen</translation>
    </message>
    <message>
        <source>Image from %1</source>
        <translation>Bild vom %1</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
</context>
<context>
    <name>Atelier::Consent</name>
    <message>
        <source>Use files from outside the library?</source>
        <translation>Dateien von außerhalb der Bibliothek verwenden?</translation>
    </message>
    <message numerus="yes">
        <source>This recipe names %n file(s) outside the library&apos;s inputs folder. If you use them, they are sent to the provider with the request. Use them only if you know them.</source>
        <translation>
            <numerusform>Dieses Rezept nennt %n Datei außerhalb des Eingabeordners der Bibliothek. Wenn Sie sie verwenden, wird sie mit der Anfrage an den Anbieter gesendet. Verwenden Sie sie nur, wenn Sie sie kennen.</numerusform>
            <numerusform>Dieses Rezept nennt %n Dateien außerhalb des Eingabeordners der Bibliothek. Wenn Sie sie verwenden, werden sie mit der Anfrage an den Anbieter gesendet. Verwenden Sie sie nur, wenn Sie sie kennen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::ContentFiles</name>
    <message>
        <source>%1 cannot be written: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>a file of that name is there already</source>
        <translation>eine Datei dieses Namens ist bereits vorhanden</translation>
    </message>
    <message>
        <source>%1 cannot be copied into %2: %3.</source>
        <translation>%1 kann nicht nach %2 kopiert werden: %3.</translation>
    </message>
</context>
<context>
    <name>Atelier::CostEstimator</name>
    <message>
        <source>the prices for %1 are not confirmed; check them in the catalog</source>
        <translation>die Preise für %1 sind nicht bestätigt; prüfen Sie sie im Katalog</translation>
    </message>
    <message>
        <source>quality %1 counted as %2</source>
        <translation>Qualität %1 als %2 gerechnet</translation>
    </message>
    <message>
        <source>size auto counted as %1</source>
        <translation>Größe auto als %1 gerechnet</translation>
    </message>
    <message>
        <source>tokens for %1 scaled by area from 1024x1024</source>
        <translation>Tokens für %1 nach Fläche aus 1024x1024 hochgerechnet</translation>
    </message>
    <message>
        <source>quality %1 counted as %2, so it costs at least this much (no figures are published for it)</source>
        <translation>Qualität %1 als %2 gerechnet, es kostet also mindestens so viel (dafür sind keine Zahlen veröffentlicht)</translation>
    </message>
    <message>
        <source>output tokens estimated: OpenAI publishes no token table for %1, the answer&apos;s usage is what is billed</source>
        <translation>Ausgabe-Token geschätzt: OpenAI veröffentlicht für %1 keine Token-Tabelle, berechnet wird der Verbrauch, den die Antwort meldet</translation>
    </message>
    <message>
        <source>the SVG author&apos;s tokens (svg_usage) are billed as that text model and are not in this estimate</source>
        <translation>die Token des SVG-Autors (svg_usage) werden als dieses Textmodell berechnet und sind in dieser Schätzung nicht enthalten</translation>
    </message>
</context>
<context>
    <name>Atelier::EditFit</name>
    <message>
        <source>The image to edit is %1, a shape %2 does not offer: the result comes back at %3 and the pixels outside the mask cannot be kept; crop the image to the shape of %4 to keep them.</source>
        <translation>Das zu bearbeitende Bild ist %1, eine Form, die %2 nicht anbietet: Das Ergebnis kommt in %3 zurück, und die Pixel außerhalb der Maske können nicht erhalten werden; schneiden Sie das Bild auf die Form von %4 zu, um sie zu erhalten.</translation>
    </message>
    <message>
        <source>The image to edit is %1 but Size is %2: the result would come back in another shape and the pixels outside the mask could not be kept. Size follows the image: %3.</source>
        <translation>Das zu bearbeitende Bild ist %1, aber die Größe ist %2: Das Ergebnis käme in einer anderen Form zurück, und die Pixel außerhalb der Maske könnten nicht erhalten werden. Die Größe folgt dem Bild: %3.</translation>
    </message>
    <message>
        <source>The image to edit is %1 but Size is %2: the result will come back in another shape. Choose %3 to keep the image&apos;s shape.</source>
        <translation>Das zu bearbeitende Bild ist %1, aber die Größe ist %2: Das Ergebnis kommt in einer anderen Form zurück. Wählen Sie %3, um die Form des Bildes zu behalten.</translation>
    </message>
    <message>
        <source>Auto (the image&apos;s shape)</source>
        <translation>Automatisch (die Form des Bildes)</translation>
    </message>
</context>
<context>
    <name>Atelier::EditInputs</name>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 is %2, which %3 does not take: a PNG copy is sent instead (the same pixels).</source>
        <translation>%1 ist %2, was %3 nicht annimmt: stattdessen wird eine PNG-Kopie gesendet (dieselben Pixel).</translation>
    </message>
    <message>
        <source>%1 is %2x%3, but %4 needs a square image: crop it to the centre %5x%5?</source>
        <translation>%1 ist %2x%3, aber %4 braucht ein quadratisches Bild: auf die Mitte %5x%5 zuschneiden?</translation>
    </message>
    <message>
        <source>%1 would be %2, but %3 takes files under %4: scale it down until it fits?</source>
        <translation>%1 wäre %2, aber %3 nimmt Dateien unter %4: so weit verkleinern, bis es passt?</translation>
    </message>
    <message>
        <source>The mask %1 has no transparency: read it as black and white, black marking where the image may change (as OpenAI&apos;s guide converts one)?</source>
        <translation>Die Maske %1 hat keine Transparenz: als Schwarzweiß lesen, wobei Schwarz markiert, wo sich das Bild ändern darf (so wie der Leitfaden von OpenAI eine umwandelt)?</translation>
    </message>
    <message>
        <source>The mask %1 is %2: a PNG copy is sent instead (the same pixels).</source>
        <translation>Die Maske %1 ist %2: stattdessen wird eine PNG-Kopie gesendet (dieselben Pixel).</translation>
    </message>
    <message>
        <source>The mask is %1x%2 but the first image is %3x%4: scale the mask to fit?</source>
        <translation>Die Maske ist %1x%2, das erste Bild aber %3x%4: die Maske passend skalieren?</translation>
    </message>
    <message>
        <source>Cropped %1 to its centre %2x%2.</source>
        <translation>%1 auf die Mitte %2x%2 zugeschnitten.</translation>
    </message>
    <message>
        <source>Scaled %1 from %2x%3 to %4x%5 to fit under %6.</source>
        <translation>%1 von %2x%3 auf %4x%5 verkleinert, damit es unter %6 bleibt.</translation>
    </message>
    <message>
        <source>Sent %1 as PNG.</source>
        <translation>%1 als PNG gesendet.</translation>
    </message>
    <message>
        <source>Read the mask as black and white: black is where the image may change.</source>
        <translation>Maske als Schwarzweiß gelesen: Schwarz ist, wo sich das Bild ändern darf.</translation>
    </message>
    <message>
        <source>Cropped and scaled the mask with the first image.</source>
        <translation>Maske mit dem ersten Bild zugeschnitten und skaliert.</translation>
    </message>
    <message>
        <source>Scaled the mask from %1x%2 to the first image&apos;s %3x%4.</source>
        <translation>Maske von %1x%2 auf die %3x%4 des ersten Bildes skaliert.</translation>
    </message>
    <message>
        <source>Sent the mask as PNG.</source>
        <translation>Maske als PNG gesendet.</translation>
    </message>
    <message>
        <source>%1 is a folder, not an image file; choose a file in it.</source>
        <translation>%1 ist ein Ordner, keine Bilddatei; wählen Sie eine Datei darin.</translation>
    </message>
</context>
<context>
    <name>Atelier::Endpoint</name>
    <message>
        <source>generate images</source>
        <translation>Bilder erzeugen</translation>
    </message>
    <message>
        <source>edit images</source>
        <translation>Bilder bearbeiten</translation>
    </message>
    <message>
        <source>make variations</source>
        <translation>Variationen erstellen</translation>
    </message>
</context>
<context>
    <name>Atelier::ExportDialog</name>
    <message numerus="yes">
        <source>Export %n image(s)</source>
        <translation>
            <numerusform>%n Bild exportieren</numerusform>
            <numerusform>%n Bilder exportieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>{date} {time} {model} {prompt} {prompt:N} {size} {id}</source>
        <translation>{date} {time} {model} {prompt} {prompt:N} {size} {id}</translation>
    </message>
    <message>
        <source>File names</source>
        <translation>Dateinamen</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Beispiel</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Every format carries the recipe, so Atelier can restore it later; JPEG and WebP also show the prompt in photo tools (XMP).</source>
        <translation>Jedes Format trägt das Rezept, damit Atelier es später wiederherstellen kann; JPEG und WebP zeigen den Prompt außerdem in Fotoprogrammen (XMP).</translation>
    </message>
    <message>
        <source>As made (GIF stays animated, SVG stays vector)</source>
        <translation>Wie erstellt (GIF bleibt animiert, SVG bleibt Vektor)</translation>
    </message>
</context>
<context>
    <name>Atelier::Exporter</name>
    <message>
        <source>%1 cannot be read; it may have been moved or deleted.</source>
        <translation>%1 kann nicht gelesen werden; vielleicht wurde es verschoben oder gelöscht.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>%1 is not inside the export folder %2; nothing was written.</source>
        <translation>%1 liegt nicht im Exportordner %2; es wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>Atelier::GalleryPanel</name>
    <message>
        <source>Search prompts…</source>
        <translation>Prompts durchsuchen…</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Bibliothek durchsuchen</translation>
    </message>
    <message>
        <source>Show images of one model only.</source>
        <translation>Nur Bilder eines Modells zeigen.</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Beliebige Zeit</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Show images saved in this period only.</source>
        <translation>Nur Bilder zeigen, die in diesem Zeitraum gespeichert wurden.</translation>
    </message>
    <message>
        <source>Show favourites only.</source>
        <translation>Nur Favoriten zeigen.</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>Alle Modelle</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>%1 of %2 images were exported.
%3</source>
        <translation>%1 von %2 Bildern wurden exportiert.
%3</translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation>Aus den Favoriten entfernen</translation>
    </message>
    <message>
        <source>Add to favourites</source>
        <translation>Zu den Favoriten hinzufügen</translation>
    </message>
    <message>
        <source>Reuse recipe</source>
        <translation>Rezept übernehmen</translation>
    </message>
    <message>
        <source>Edit (paint a mask)…</source>
        <translation>Bearbeiten (Maske malen)…</translation>
    </message>
    <message>
        <source>Make variations</source>
        <translation>Variationen erstellen</translation>
    </message>
    <message>
        <source>Show lineage…</source>
        <translation>Herkunft zeigen…</translation>
    </message>
    <message>
        <source>Show changes outside the mask (%1%)</source>
        <translation>Änderungen außerhalb der Maske zeigen (%1 %)</translation>
    </message>
    <message>
        <source>Compare the two</source>
        <translation>Die beiden vergleichen</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>Bild kopieren</translation>
    </message>
    <message numerus="yes">
        <source>Export %n image(s)…</source>
        <translation>
            <numerusform>%n Bild exportieren…</numerusform>
            <numerusform>%n Bilder exportieren…</numerusform>
        </translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Im Ordner zeigen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n image(s)…</source>
        <translation>
            <numerusform>%n Bild löschen…</numerusform>
            <numerusform>%n Bilder löschen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete images</source>
        <translation>Bilder löschen</translation>
    </message>
    <message numerus="yes">
        <source>Move %n image(s) and their recipes to the trash?</source>
        <translation>
            <numerusform>%n Bild samt Rezept in den Papierkorb verschieben?</numerusform>
            <numerusform>%n Bilder samt Rezepten in den Papierkorb verschieben?</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the images to export in the gallery first.</source>
        <translation>Wählen Sie zuerst in der Galerie die Bilder aus, die exportiert werden sollen.</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favoriten</translation>
    </message>
    <message>
        <source>Thumbnail size (Ctrl+wheel over the thumbnails)</source>
        <translation>Größe der Vorschaubilder (Strg+Mausrad über den Vorschaubildern)</translation>
    </message>
    <message>
        <source>Thumbnail size</source>
        <translation>Größe der Vorschaubilder</translation>
    </message>
    <message>
        <source>No images match &apos;%1&apos;</source>
        <translation>Keine Bilder passen zu „%1“</translation>
    </message>
    <message>
        <source>No favourites yet. Press F in the viewer or choose &quot;Add to favourites&quot; in an image&apos;s menu.</source>
        <translation>Noch keine Favoriten. Drücken Sie F im Betrachter oder wählen Sie „Zu den Favoriten hinzufügen“ im Menü eines Bildes.</translation>
    </message>
    <message>
        <source>No images match these filters</source>
        <translation>Keine Bilder passen zu diesen Filtern</translation>
    </message>
    <message>
        <source>Your images will appear here.
Write a prompt and generate; every image is saved with its recipe.</source>
        <translation>Hier erscheinen Ihre Bilder.
Schreiben Sie einen Prompt und erzeugen Sie; jedes Bild wird mit seinem Rezept gespeichert.</translation>
    </message>
    <message>
        <source>%1 is not among the gallery&apos;s images; clear the gallery&apos;s filters to open it full-window.</source>
        <translation>%1 ist nicht unter den Bildern der Galerie; setzen Sie die Filter der Galerie zurück, um es im ganzen Fenster zu öffnen.</translation>
    </message>
    <message>
        <source>Refine…</source>
        <translation>Verfeinern…</translation>
    </message>
    <message>
        <source>Only batch %1</source>
        <translation>Nur Batch %1</translation>
    </message>
    <message>
        <source>Showing the images of batch %1 only. Click to show every image again.</source>
        <translation>Es werden nur die Bilder von Batch %1 gezeigt. Klicken, um wieder alle Bilder zu zeigen.</translation>
    </message>
    <message>
        <source>Show every image again</source>
        <translation>Wieder alle Bilder zeigen</translation>
    </message>
    <message>
        <source>Show the images of its batch</source>
        <translation>Die Bilder seines Batches zeigen</translation>
    </message>
</context>
<context>
    <name>Atelier::GenerationPlan</name>
    <message>
        <source>This would cost about $%1, taking the session past its budget of $%2 ($%3 spent or on the way); raise the budget in the settings or wait.</source>
        <translation>Das würde etwa $%1 kosten und die Sitzung über ihr Budget von $%2 bringen ($%3 ausgegeben oder unterwegs); erhöhen Sie das Budget in den Einstellungen oder warten Sie.</translation>
    </message>
</context>
<context>
    <name>Atelier::HistoryDialog</name>
    <message>
        <source>Prompt history</source>
        <translation>Prompt-Verlauf</translation>
    </message>
    <message>
        <source>Search the prompts you sent…</source>
        <translation>Gesendete Prompts durchsuchen…</translation>
    </message>
    <message>
        <source>Use this prompt</source>
        <translation>Diesen Prompt verwenden</translation>
    </message>
</context>
<context>
    <name>Atelier::ImageDecoder</name>
    <message>
        <source>The server sent image data that is not valid base64.</source>
        <translation>Der Server hat Bilddaten gesendet, die kein gültiges Base64 sind.</translation>
    </message>
    <message>
        <source>The server sent data that is not an image Atelier can read.</source>
        <translation>Der Server hat Daten gesendet, die kein Bild sind, das Atelier lesen kann.</translation>
    </message>
    <message>
        <source>The server sent an image of %1x%2 pixels, larger than Atelier accepts (%3 pixels a side); it was refused.</source>
        <translation>Der Server hat ein Bild mit %1x%2 Pixeln gesendet, größer als Atelier annimmt (%3 Pixel je Seite); es wurde abgelehnt.</translation>
    </message>
    <message>
        <source>The server sent an image whose size cannot be read.</source>
        <translation>Der Server hat ein Bild gesendet, dessen Größe nicht lesbar ist.</translation>
    </message>
    <message>
        <source>The server sent a damaged image (%1).</source>
        <translation>Der Server hat ein beschädigtes Bild gesendet (%1).</translation>
    </message>
    <message>
        <source>The server sent an empty image.</source>
        <translation>Der Server hat ein leeres Bild gesendet.</translation>
    </message>
    <message>
        <source>The image data of a streamed %1 event is not base64, or it broke off.</source>
        <translation>Die Bilddaten eines gestreamten %1-Ereignisses sind kein Base64 oder brechen ab.</translation>
    </message>
    <message>
        <source>The server sent an SVG document Atelier cannot read.</source>
        <translation>Der Server hat ein SVG-Dokument gesendet, das Atelier nicht lesen kann.</translation>
    </message>
    <message>
        <source>The server sent an SVG document Atelier cannot draw.</source>
        <translation>Der Server hat ein SVG-Dokument gesendet, das Atelier nicht zeichnen kann.</translation>
    </message>
</context>
<context>
    <name>Atelier::ImageFile</name>
    <message>
        <source>not an SVG document Atelier can read</source>
        <translation>kein SVG-Dokument, das Atelier lesen kann</translation>
    </message>
</context>
<context>
    <name>Atelier::ImageFileInfo</name>
    <message>
        <source>the file does not exist</source>
        <translation>die Datei existiert nicht</translation>
    </message>
    <message>
        <source>it is not an image Atelier can read</source>
        <translation>es ist kein Bild, das Atelier lesen kann</translation>
    </message>
    <message>
        <source>permission to read it is denied</source>
        <translation>die Berechtigung zum Lesen fehlt</translation>
    </message>
    <message>
        <source>the image data is damaged (%1)</source>
        <translation>die Bilddaten sind beschädigt (%1)</translation>
    </message>
    <message>
        <source>it is a folder, not an image file; choose a file in it</source>
        <translation>es ist ein Ordner, keine Bilddatei; wählen Sie eine Datei darin</translation>
    </message>
</context>
<context>
    <name>Atelier::ImageJob</name>
    <message>
        <source>No API key is set. Set %1 in the environment, or store a key in the keychain (atelier-cli key set).</source>
        <translation>Es ist kein API-Schlüssel gesetzt. Setzen Sie %1 in der Umgebung oder speichern Sie einen Schlüssel im Schlüsselbund (atelier-cli key set).</translation>
    </message>
    <message>
        <source>The answer is larger than %1 MB, more than Atelier accepts; it was refused.</source>
        <translation>Die Antwort ist größer als %1 MB, mehr als Atelier annimmt; sie wurde abgelehnt.</translation>
    </message>
    <message>
        <source>A streamed event is larger than %1 MB, more than Atelier accepts; the stream was stopped.</source>
        <translation>Ein gestreamtes Ereignis ist größer als %1 MB, mehr als Atelier annimmt; der Stream wurde beendet.</translation>
    </message>
    <message>
        <source>The server redirected the request to %1. Atelier follows redirects only to the same host, so the API key never goes elsewhere; use the final address as the base URL.</source>
        <translation>Der Server hat die Anfrage nach %1 umgeleitet. Atelier folgt Umleitungen nur auf denselben Host, damit der API-Schlüssel nie woandershin geht; verwenden Sie die endgültige Adresse als Basis-URL.</translation>
    </message>
    <message>
        <source>another address</source>
        <translation>eine andere Adresse</translation>
    </message>
    <message>
        <source>the connection broke during the stream (%1); the %2 image(s) already received are kept</source>
        <translation>die Verbindung ist während des Streams abgebrochen (%1); die %2 bereits empfangenen Bilder bleiben erhalten</translation>
    </message>
    <message>
        <source>The image at %1 could not be downloaded: %2. Image URLs expire after 60 minutes.</source>
        <translation>Das Bild unter %1 konnte nicht heruntergeladen werden: %2. Bild-URLs verfallen nach 60 Minuten.</translation>
    </message>
    <message>
        <source>Cancelled; the images already received are kept.</source>
        <translation>Abgebrochen; die bereits empfangenen Bilder bleiben erhalten.</translation>
    </message>
    <message>
        <source>The stream ended before the final image arrived; the %1 partial image(s) received are kept.</source>
        <translation>Der Stream endete vor dem fertigen Bild; die %1 empfangenen Teilbilder bleiben erhalten.</translation>
    </message>
    <message>
        <source>The image could not be saved.</source>
        <translation>Das Bild konnte nicht gespeichert werden.</translation>
    </message>
    <message numerus="yes">
        <source>the server sent nothing for %n second(s)</source>
        <translation>
            <numerusform>der Server hat %n Sekunde lang nichts gesendet</numerusform>
            <numerusform>der Server hat %n Sekunden lang nichts gesendet</numerusform>
        </translation>
    </message>
    <message>
        <source>The image is larger than %1 MB, more than Atelier accepts; it was refused.</source>
        <translation>Das Bild ist größer als %1 MB, mehr als Atelier annimmt; es wurde abgelehnt.</translation>
    </message>
</context>
<context>
    <name>Atelier::ImagePreview</name>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Wheel: zoom · F: fit · 1: 100 % · double-click: fit / 100 % · drag: pan</source>
        <translation>Mausrad: Zoom · F: einpassen · 1: 100 % · Doppelklick: einpassen / 100 % · Ziehen: verschieben</translation>
    </message>
    <message>
        <source>Images appear here as they arrive.</source>
        <translation>Bilder erscheinen hier, sobald sie ankommen.</translation>
    </message>
    <message>
        <source>%1 · %2 %</source>
        <translation>%1 · %2 %</translation>
    </message>
    <message>
        <source>frame %1 of %2</source>
        <translation>Einzelbild %1 von %2</translation>
    </message>
    <message>
        <source>frame %1</source>
        <translation>Einzelbild %1</translation>
    </message>
    <message>
        <source>%1 · %2 · paused (Space plays)</source>
        <translation>%1 · %2 · angehalten (Leertaste spielt ab)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1
Hold \ to see the original · Compare: drag the line between the original (left) and the result (right)</source>
        <translation>%1
\ halten: das Original · Vergleichen: die Linie zwischen Original (links) und Ergebnis (rechts) ziehen</translation>
    </message>
    <message>
        <source>Original (release \ for the result)</source>
        <translation>Original (\ loslassen für das Ergebnis)</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>Atelier::ImageUrlPolicy</name>
    <message>
        <source>The answer named an image that is not on the web (%1); Atelier downloads images only from https addresses.</source>
        <translation>Die Antwort nannte ein Bild, das nicht im Web liegt (%1); Atelier lädt Bilder nur von https-Adressen herunter.</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>keine Adresse</translation>
    </message>
    <message>
        <source>The answer named an image at a %1 address on %2; Atelier downloads images only over https, or from the API&apos;s own address.</source>
        <translation>Die Antwort nannte ein Bild unter einer %1-Adresse auf %2; Atelier lädt Bilder nur über https herunter oder von der eigenen Adresse der API.</translation>
    </message>
    <message>
        <source>The answer named an image on this computer or its local network (%1); Atelier does not download from there unless the API itself is there.</source>
        <translation>Die Antwort nannte ein Bild auf diesem Computer oder in seinem lokalen Netz (%1); Atelier lädt von dort nur herunter, wenn die API selbst dort ist.</translation>
    </message>
</context>
<context>
    <name>Atelier::ImageViewer</name>
    <message>
        <source>Image viewer</source>
        <translation>Bildbetrachter</translation>
    </message>
    <message>
        <source>← → browse · wheel, + and - zoom · 0 fits · 1 is 100 % · F favourite · Delete moves to the trash · Ctrl+C copies · Esc closes</source>
        <translation>← → blättern · Mausrad, + und - zoomen · 0 einpassen · 1 ist 100 % · F Favorit · Entf in den Papierkorb · Strg+C kopiert · Esc schließt</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>Favorit</translation>
    </message>
    <message>
        <source>Favourite (F)</source>
        <translation>Favorit (F)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the image (Ctrl+C)</source>
        <translation>Das Bild kopieren (Strg+C)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Move the image to the trash (Delete)</source>
        <translation>Das Bild in den Papierkorb verschieben (Entf)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>This image could not be read (%1); is the file still there?</source>
        <translation>Dieses Bild konnte nicht gelesen werden (%1); ist die Datei noch da?</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Fit (%1 %)</source>
        <translation>Eingepasst (%1 %)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>Atelier::ImageWriter</name>
    <message>
        <source>--name &quot;%1&quot; is not a plain file name (no folders, no leading dot, no characters file systems refuse); choose the folder with --out.</source>
        <translation>--name „%1“ ist kein einfacher Dateiname (keine Ordner, kein Punkt am Anfang, keine Zeichen, die Dateisysteme ablehnen); den Ordner wählen Sie mit --out.</translation>
    </message>
    <message>
        <source>%1 is not inside the folder %2; nothing was written.</source>
        <translation>%1 liegt nicht im Ordner %2; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created: %2. Choose another with --out.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden: %2. Wählen Sie mit --out einen anderen.</translation>
    </message>
    <message>
        <source>--out %1 is a file, not a folder (%2). Give the path of a folder (it is made if it is missing), or move the file away.</source>
        <translation>--out %1 ist eine Datei, kein Ordner (%2). Geben Sie den Pfad eines Ordners an (er wird angelegt, wenn er fehlt), oder verschieben Sie die Datei.</translation>
    </message>
    <message>
        <source>The folder %1 given with --out cannot be created: %2. Choose another folder with --out.</source>
        <translation>Der mit --out angegebene Ordner %1 kann nicht angelegt werden: %2. Wählen Sie mit --out einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Nothing can be written in the folder %1 given with --out: %2. Choose a folder you can write in with --out, or make this one writable.</source>
        <translation>In den mit --out angegebenen Ordner %1 kann nichts geschrieben werden: %2. Wählen Sie mit --out einen Ordner, in den Sie schreiben dürfen, oder machen Sie diesen beschreibbar.</translation>
    </message>
    <message>
        <source>%1 cannot be written: the finished file could not be renamed (%2).</source>
        <translation>%1 kann nicht geschrieben werden: Die fertige Datei ließ sich nicht umbenennen (%2).</translation>
    </message>
</context>
<context>
    <name>Atelier::JobListModel</name>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>Wird empfangen</translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation>Wartet auf neuen Versuch</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Partials</source>
        <translation>Teilbilder</translation>
    </message>
    <message>
        <source>Est. cost</source>
        <translation>Gesch. Kosten</translation>
    </message>
    <message>
        <source>%1 received so far</source>
        <translation>%1 bisher empfangen</translation>
    </message>
</context>
<context>
    <name>Atelier::JobPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Not sent again: it uses files from outside the library.</source>
        <translation>Nicht erneut gesendet: Die Anfrage verwendet Dateien von außerhalb der Bibliothek.</translation>
    </message>
    <message>
        <source>OpenAI shut %1 down, so this recipe would fail there. Retry it with %2, which replaces it?</source>
        <translation>OpenAI hat %1 abgeschaltet, dieses Rezept würde dort also scheitern. Mit %2, das es ersetzt, erneut versuchen?</translation>
    </message>
    <message>
        <source>Everything else stays as it was.</source>
        <translation>Alles andere bleibt, wie es war.</translation>
    </message>
    <message>
        <source>%1 does not take %2; they are left out.</source>
        <translation>%1 nimmt %2 nicht; das wird weggelassen.</translation>
    </message>
    <message>
        <source>Retry with %1</source>
        <translation>Mit %1 erneut versuchen</translation>
    </message>
    <message>
        <source>Unfinished requests</source>
        <translation>Unvollendete Anfragen</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) did not finish when Atelier last ran. Send them again?</source>
        <translation>
            <numerusform>%n Anfrage wurde beim letzten Lauf von Atelier nicht fertig. Erneut senden?</numerusform>
            <numerusform>%n Anfragen wurden beim letzten Lauf von Atelier nicht fertig. Erneut senden?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partial image(s) they had received are in the gallery.</source>
        <translation>
            <numerusform>%n empfangenes Teilbild ist in der Galerie.</numerusform>
            <numerusform>%n empfangene Teilbilder sind in der Galerie.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Restore the last recipe</source>
        <translation>Letztes Rezept wiederherstellen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Verwerfen</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) not sent again: they use files from outside the library.</source>
        <translation>
            <numerusform>%n Anfrage nicht erneut gesendet: Sie verwendet Dateien von außerhalb der Bibliothek.</numerusform>
            <numerusform>%n Anfragen nicht erneut gesendet: Sie verwenden Dateien von außerhalb der Bibliothek.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel this job</source>
        <translation>Diesen Auftrag abbrechen</translation>
    </message>
    <message>
        <source>Send this job again</source>
        <translation>Diesen Auftrag erneut senden</translation>
    </message>
    <message>
        <source>No jobs yet</source>
        <translation>Noch keine Aufträge</translation>
    </message>
    <message>
        <source>Jobs: all done</source>
        <translation>Aufträge: alle fertig</translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n läuft</numerusform>
            <numerusform>%n laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 running · %2 queued</source>
        <translation>%1 laufen · %2 warten</translation>
    </message>
</context>
<context>
    <name>Atelier::JobQueue</name>
    <message>
        <source>A partial image arrived but could not be kept on disk: %1</source>
        <translation>Ein Teilbild ist angekommen, konnte aber nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>Atelier::KeyStore</name>
    <message>
        <source>the secret service did not answer within %1 seconds</source>
        <translation>der Geheimnisdienst hat nicht innerhalb von %1 Sekunden geantwortet</translation>
    </message>
    <message>
        <source>no desktop session bus is running, so there is no keychain to store keys in</source>
        <translation>es läuft kein Sitzungsbus des Desktops, also gibt es keinen Schlüsselbund für Schlüssel</translation>
    </message>
    <message>
        <source>the desktop session bus cannot be queried</source>
        <translation>der Sitzungsbus des Desktops kann nicht abgefragt werden</translation>
    </message>
    <message>
        <source>no secret service (GNOME Keyring, KWallet or KeePassXC) is running</source>
        <translation>es läuft kein Geheimnisdienst (GNOME Keyring, KWallet oder KeePassXC)</translation>
    </message>
</context>
<context>
    <name>Atelier::LibraryModel</name>
    <message>
        <source>%1
%2 · %3×%4 · %5</source>
        <translation>%1
%2 · %3×%4 · %5</translation>
    </message>
    <message>
        <source>Partial image %1 of a request that did not finish</source>
        <translation>Teilbild %1 einer Anfrage, die nicht fertig wurde</translation>
    </message>
</context>
<context>
    <name>Atelier::LibraryStore</name>
    <message>
        <source>The library index cannot be opened: %1.</source>
        <translation>Der Bibliotheksindex kann nicht geöffnet werden: %1.</translation>
    </message>
    <message>
        <source>The library index cannot be prepared: %1.</source>
        <translation>Der Bibliotheksindex kann nicht vorbereitet werden: %1.</translation>
    </message>
    <message>
        <source>The library folder %1 cannot be used (%2); choose another in the settings.</source>
        <translation>Der Bibliotheksordner %1 kann nicht verwendet werden (%2); wählen Sie in den Einstellungen einen anderen.</translation>
    </message>
    <message>
        <source>The library index %1 is damaged and cannot be moved aside; move it away and start Atelier again.</source>
        <translation>Der Bibliotheksindex %1 ist beschädigt und kann nicht beiseitegelegt werden; verschieben Sie ihn und starten Sie Atelier erneut.</translation>
    </message>
    <message>
        <source>The library index cannot be read: %1.</source>
        <translation>Der Bibliotheksindex kann nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <source>The library index has no table %1.</source>
        <translation>Dem Bibliotheksindex fehlt die Tabelle %1.</translation>
    </message>
    <message>
        <source>The library index was not made by Atelier (its table %1 has no column %2).</source>
        <translation>Der Bibliotheksindex stammt nicht von Atelier (seiner Tabelle %1 fehlt die Spalte %2).</translation>
    </message>
    <message>
        <source>The library index is damaged: %1.</source>
        <translation>Der Bibliotheksindex ist beschädigt: %1.</translation>
    </message>
    <message>
        <source>no table %1</source>
        <translation>keine Tabelle %1</translation>
    </message>
    <message>
        <source>its table %1 has no column %2</source>
        <translation>seiner Tabelle %1 fehlt die Spalte %2</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>Keine Bibliothek ist geöffnet.</translation>
    </message>
</context>
<context>
    <name>Atelier::LineageDialog</name>
    <message>
        <source>Lineage</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Where the image came from (top) and what was made from it (bottom). Double-click one to look at it.</source>
        <translation>Woher das Bild kommt (oben) und was daraus gemacht wurde (unten). Doppelklicken Sie auf eines, um es anzusehen.</translation>
    </message>
    <message>
        <source>This</source>
        <translation>Dieses</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Edit (kept outside)</source>
        <translation>Bearbeitung (außen erhalten)</translation>
    </message>
    <message>
        <source>Made from it</source>
        <translation>Daraus gemacht</translation>
    </message>
</context>
<context>
    <name>Atelier::MainWindow</name>
    <message>
        <source>Atelier</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <source>The request failed: %1 Your prompt and settings are kept; use Retry in the job list.</source>
        <translation>Die Anfrage ist fehlgeschlagen: %1 Ihr Prompt und Ihre Einstellungen bleiben erhalten; verwenden Sie „Erneut versuchen“ in der Auftragsliste.</translation>
    </message>
    <message>
        <source>Session: $%1</source>
        <translation>Sitzung: $%1</translation>
    </message>
    <message>
        <source>Everything you made, saved in %1. Right-click for more.</source>
        <translation>Alles, was Sie gemacht haben, gespeichert in %1. Rechtsklick für mehr.</translation>
    </message>
    <message>
        <source>Session: $0.000</source>
        <translation>Sitzung: $0.000</translation>
    </message>
    <message>
        <source>Estimated cost of the images made in this session.</source>
        <translation>Geschätzte Kosten der in dieser Sitzung erzeugten Bilder.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <source>&amp;Open image…</source>
        <translation>Bild ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>Bilder öffnen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>&amp;Edit an image…</source>
        <translation>Ein Bild be&amp;arbeiten…</translation>
    </message>
    <message>
        <source>Edit an image</source>
        <translation>Ein Bild bearbeiten</translation>
    </message>
    <message>
        <source>Add &amp;reference images…</source>
        <translation>&amp;Referenzbilder hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Compare grid…</source>
        <translation>&amp;Vergleichsraster…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Ein&amp;stellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Prompt &amp;history…</source>
        <translation>Prompt-&amp;Verlauf…</translation>
    </message>
    <message>
        <source>&amp;Paste image as reference</source>
        <translation>Bild als Referenz ein&amp;fügen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Atelier</source>
        <translation>Über &amp;Atelier</translation>
    </message>
    <message>
        <source>About Atelier</source>
        <translation>Über Atelier</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Atelier %1&lt;/h3&gt;&lt;p&gt;A desktop image studio for the OpenAI Images API.&lt;/p&gt;&lt;p&gt;Images are saved in %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Atelier %1&lt;/h3&gt;&lt;p&gt;Ein Desktop-Bildstudio für die OpenAI-Images-API.&lt;/p&gt;&lt;p&gt;Bilder werden in %2 gespeichert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>There is no image to paste.</source>
        <translation>Es gibt kein Bild zum Einfügen.</translation>
    </message>
    <message>
        <source>Library: %1</source>
        <translation>Bibliothek: %1</translation>
    </message>
    <message>
        <source>E&amp;xport selected images…</source>
        <translation>Ausgewählte Bilder e&amp;xportieren…</translation>
    </message>
    <message numerus="yes">
        <source>%1 is a folder, not an image file; drop the images in it instead.</source>
        <translation>
            <numerusform>%1 ist ein Ordner, keine Bilddatei; ziehen Sie stattdessen die Bilder darin hierher.</numerusform>
            <numerusform>%1 sind Ordner, keine Bilddateien; ziehen Sie stattdessen die Bilder darin hierher.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Compose</source>
        <translation>&amp;Entwurf</translation>
    </message>
    <message>
        <source>&amp;Gallery</source>
        <translation>&amp;Galerie</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Aufträge</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>Cancel the newest &amp;job</source>
        <translation>Neuesten Auftrag a&amp;bbrechen</translation>
    </message>
    <message>
        <source>No job is running.</source>
        <translation>Kein Auftrag läuft.</translation>
    </message>
    <message>
        <source>%1 is a reference of the next edit.</source>
        <translation>%1 ist eine Referenz der nächsten Bearbeitung.</translation>
    </message>
    <message>
        <source>Image copied.</source>
        <translation>Bild kopiert.</translation>
    </message>
    <message>
        <source>This image is not in the library.</source>
        <translation>Dieses Bild ist nicht in der Bibliothek.</translation>
    </message>
</context>
<context>
    <name>Atelier::MarkupDocument</name>
    <message>
        <source>Markup line</source>
        <translation>Markierungslinie</translation>
    </message>
    <message>
        <source>Markup arrow</source>
        <translation>Markierungspfeil</translation>
    </message>
    <message>
        <source>Markup circle</source>
        <translation>Markierungskreis</translation>
    </message>
    <message>
        <source>Markup box</source>
        <translation>Markierungsrahmen</translation>
    </message>
    <message>
        <source>Clear markup</source>
        <translation>Markierungen löschen</translation>
    </message>
</context>
<context>
    <name>Atelier::MaskCanvas</name>
    <message>
        <source>Paint where the image may change. B brush, E eraser, R rectangle, O ellipse, L lasso, P polygon; [ and ] brush size; M switches between the tinted mask and what the API will see; wheel zooms, space-drag or the middle button pans; F fits, 1 shows 100%.</source>
        <translation>Malen Sie, wo sich das Bild ändern darf. B Pinsel, E Radierer, R Rechteck, O Ellipse, L Lasso, P Polygon; [ und ] Pinselgröße; M wechselt zwischen der getönten Maske und dem, was die API sieht; das Mausrad zoomt, Leertaste-Ziehen oder die mittlere Taste verschiebt; F passt ein, 1 zeigt 100 %.</translation>
    </message>
    <message>
        <source>Open an image to paint a mask on: Edit an image… in the File menu, Edit in the gallery&apos;s menu, or drop a file here.</source>
        <translation>Öffnen Sie ein Bild, um darauf eine Maske zu malen: „Ein Bild bearbeiten…“ im Menü Datei, „Bearbeiten“ im Menü der Galerie oder eine Datei hierher ziehen.</translation>
    </message>
</context>
<context>
    <name>Atelier::MaskCompositor</name>
    <message>
        <source>The original, the mask and the result are all needed to keep the pixels outside the mask.</source>
        <translation>Das Original, die Maske und das Ergebnis werden alle gebraucht, um die Pixel außerhalb der Maske zu erhalten.</translation>
    </message>
    <message>
        <source>The result is %1x%2 but the original is %3x%4, another shape, so the pixels outside the mask cannot be matched; ask for a size of the original&apos;s shape to keep them.</source>
        <translation>Das Ergebnis ist %1x%2, das Original aber %3x%4, eine andere Form; die Pixel außerhalb der Maske lassen sich daher nicht zuordnen. Fordern Sie eine Größe in der Form des Originals an, um sie zu erhalten.</translation>
    </message>
</context>
<context>
    <name>Atelier::MaskDocument</name>
    <message>
        <source>Brush stroke</source>
        <translation>Pinselstrich</translation>
    </message>
    <message>
        <source>Eraser stroke</source>
        <translation>Radiererstrich</translation>
    </message>
    <message>
        <source>Add shape</source>
        <translation>Form hinzufügen</translation>
    </message>
    <message>
        <source>Subtract shape</source>
        <translation>Form abziehen</translation>
    </message>
    <message>
        <source>Fill all</source>
        <translation>Alles füllen</translation>
    </message>
    <message>
        <source>Clear mask</source>
        <translation>Maske leeren</translation>
    </message>
    <message>
        <source>Invert mask</source>
        <translation>Maske umkehren</translation>
    </message>
    <message>
        <source>Grow and feather</source>
        <translation>Erweitern und weichzeichnen</translation>
    </message>
    <message>
        <source>Shrink and feather</source>
        <translation>Verkleinern und weichzeichnen</translation>
    </message>
    <message>
        <source>Feather</source>
        <translation>Weichzeichnen</translation>
    </message>
    <message>
        <source>The mask file could not be read as an image; choose a PNG with transparency or a black-and-white image.</source>
        <translation>Die Maskendatei konnte nicht als Bild gelesen werden; wählen Sie ein PNG mit Transparenz oder ein Schwarzweißbild.</translation>
    </message>
    <message>
        <source>Open an image to edit before importing a mask for it.</source>
        <translation>Öffnen Sie ein zu bearbeitendes Bild, bevor Sie eine Maske dafür importieren.</translation>
    </message>
    <message>
        <source>The mask was %1x%2 and was scaled to the image&apos;s %3x%4.</source>
        <translation>Die Maske war %1x%2 und wurde auf die %3x%4 des Bildes skaliert.</translation>
    </message>
    <message>
        <source>Import mask</source>
        <translation>Maske importieren</translation>
    </message>
</context>
<context>
    <name>Atelier::MaskPainter</name>
    <message>
        <source>Brush</source>
        <translation>Pinsel</translation>
    </message>
    <message>
        <source>Paint where the image may change (B).</source>
        <translation>Malen, wo sich das Bild ändern darf (B).</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>Radierer</translation>
    </message>
    <message>
        <source>Take paint away (E); Alt swaps brush and eraser.</source>
        <translation>Farbe wegnehmen (E); Alt tauscht Pinsel und Radierer.</translation>
    </message>
    <message>
        <source>Rect</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <source>Drag a rectangle (R); Alt subtracts.</source>
        <translation>Ein Rechteck aufziehen (R); Alt zieht ab.</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Drag an ellipse (O); Alt subtracts.</source>
        <translation>Eine Ellipse aufziehen (O); Alt zieht ab.</translation>
    </message>
    <message>
        <source>Lasso</source>
        <translation>Lasso</translation>
    </message>
    <message>
        <source>Draw around an area freehand (L); Alt subtracts.</source>
        <translation>Freihand um einen Bereich zeichnen (L); Alt zieht ab.</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>Polygon</translation>
    </message>
    <message>
        <source>Click the corners, double-click or Return to fill (P); Alt subtracts.</source>
        <translation>Die Ecken anklicken, Doppelklick oder Eingabe füllt (P); Alt zieht ab.</translation>
    </message>
    <message>
        <source>Subtract</source>
        <translation>Abziehen</translation>
    </message>
    <message>
        <source>Shapes take away from the mask instead of adding to it.</source>
        <translation>Formen nehmen von der Maske weg, statt hinzuzufügen.</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Brush size in image pixels; [ and ] change it.</source>
        <translation>Pinselgröße in Bildpixeln; [ und ] ändern sie.</translation>
    </message>
    <message>
        <source> Size </source>
        <translation> Größe </translation>
    </message>
    <message>
        <source>100% paints a crisp edge; lower values fade out towards the edge.</source>
        <translation>100 % malt eine scharfe Kante; kleinere Werte laufen zum Rand hin aus.</translation>
    </message>
    <message>
        <source> Hardness </source>
        <translation> Härte </translation>
    </message>
    <message>
        <source>How strongly the mask tints the image.</source>
        <translation>Wie stark die Maske das Bild tönt.</translation>
    </message>
    <message>
        <source> Tint </source>
        <translation> Tönung </translation>
    </message>
    <message>
        <source>API view</source>
        <translation>API-Ansicht</translation>
    </message>
    <message>
        <source>Show the image as the API will see it, the area to change transparent (M).</source>
        <translation>Das Bild so zeigen, wie die API es sieht, den zu ändernden Bereich transparent (M).</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>Maske</translation>
    </message>
    <message>
        <source>Fill, clear, invert, feather, import and export the mask.</source>
        <translation>Die Maske füllen, leeren, umkehren, weichzeichnen, importieren und exportieren.</translation>
    </message>
    <message>
        <source>Fill all</source>
        <translation>Alles füllen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>Umkehren</translation>
    </message>
    <message>
        <source>Grow, shrink, feather…</source>
        <translation>Erweitern, verkleinern, weichzeichnen…</translation>
    </message>
    <message>
        <source>Import mask…</source>
        <translation>Maske importieren…</translation>
    </message>
    <message>
        <source>Import a mask</source>
        <translation>Eine Maske importieren</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
    <message>
        <source>Export mask…</source>
        <translation>Maske exportieren…</translation>
    </message>
    <message>
        <source>Export the mask</source>
        <translation>Die Maske exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Saved the mask as the API takes it to %1.</source>
        <translation>Die Maske wurde so, wie die API sie annimmt, in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit the image in the view (F).</source>
        <translation>Das Bild in die Ansicht einpassen (F).</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>One image pixel per screen pixel (1).</source>
        <translation>Ein Bildpixel je Bildschirmpixel (1).</translation>
    </message>
    <message>
        <source>%1 cannot be opened for painting: %2.</source>
        <translation>%1 kann nicht zum Malen geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>%1 is %2x%3; it is painted at %4x%5 and the mask is scaled back up when sent.</source>
        <translation>%1 ist %2x%3; gemalt wird mit %4x%5, und die Maske wird beim Senden wieder hochskaliert.</translation>
    </message>
    <message>
        <source>Mask imported from %1.</source>
        <translation>Maske aus %1 importiert.</translation>
    </message>
    <message>
        <source>Grow, shrink, feather</source>
        <translation>Erweitern, verkleinern, weichzeichnen</translation>
    </message>
    <message>
        <source>Positive grows the painted area, negative shrinks it.</source>
        <translation>Positiv erweitert den bemalten Bereich, negativ verkleinert ihn.</translation>
    </message>
    <message>
        <source>How wide the soft edge is.</source>
        <translation>Wie breit die weiche Kante ist.</translation>
    </message>
    <message>
        <source>Grow (negative: shrink)</source>
        <translation>Erweitern (negativ: verkleinern)</translation>
    </message>
    <message>
        <source>Soft edge</source>
        <translation>Weiche Kante</translation>
    </message>
    <message>
        <source>No image: open one to edit (File ▸ Edit an image…, or Edit in the gallery).</source>
        <translation>Kein Bild: öffnen Sie eines zum Bearbeiten (Datei ▸ Ein Bild bearbeiten… oder „Bearbeiten“ in der Galerie).</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2x%3 · zoom %4% · %5% of the image may change · %n step(s) to undo</source>
        <translation>
            <numerusform>%1 · %2x%3 · Zoom %4 % · %5 % des Bildes dürfen sich ändern · %n Schritt rückgängig</numerusform>
            <numerusform>%1 · %2x%3 · Zoom %4 % · %5 % des Bildes dürfen sich ändern · %n Schritte rückgängig</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo: %1 (%2)</source>
        <translation>Rückgängig: %1 (%2)</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nichts rückgängig zu machen</translation>
    </message>
    <message>
        <source>Redo: %1 (%2)</source>
        <translation>Wiederholen: %1 (%2)</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Nichts zu wiederholen</translation>
    </message>
    <message>
        <source>Markup </source>
        <translation>Markierungen </translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>Stift</translation>
    </message>
    <message>
        <source>Draw a freehand mark on the markup layer (markup edits: gpt-image-2.5 and later).</source>
        <translation>Eine freie Markierung auf die Markierungsebene zeichnen (Bearbeitung mit Markierungen: ab gpt-image-2.5).</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>Pfeil</translation>
    </message>
    <message>
        <source>Drag from where the arrow starts to what it points at.</source>
        <translation>Vom Anfang des Pfeils zu dem ziehen, worauf er zeigt.</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>Kreis</translation>
    </message>
    <message>
        <source>Drag a circle or ellipse around something.</source>
        <translation>Einen Kreis oder eine Ellipse um etwas ziehen.</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>Rahmen</translation>
    </message>
    <message>
        <source>Drag a box around something.</source>
        <translation>Einen Rahmen um etwas ziehen.</translation>
    </message>
    <message>
        <source>The colour of new marks.</source>
        <translation>Die Farbe neuer Markierungen.</translation>
    </message>
    <message>
        <source>Markup colour</source>
        <translation>Markierungsfarbe</translation>
    </message>
    <message>
        <source>Line width of new marks, in image pixels.</source>
        <translation>Linienbreite neuer Markierungen, in Bildpixeln.</translation>
    </message>
    <message>
        <source> Width </source>
        <translation> Breite </translation>
    </message>
    <message>
        <source>Clear marks</source>
        <translation>Markierungen löschen</translation>
    </message>
    <message>
        <source>Remove every mark (undoable).</source>
        <translation>Alle Markierungen entfernen (rückgängig zu machen).</translation>
    </message>
    <message numerus="yes">
        <source> · %n mark(s), sent as markup</source>
        <translation>
            <numerusform> · %n Markierung, wird als Markup gesendet</numerusform>
            <numerusform> · %n Markierungen, werden als Markup gesendet</numerusform>
        </translation>
    </message>
    <message>
        <source>The mask could not be saved: %1 Choose another folder.</source>
        <translation>Die Maske konnte nicht gespeichert werden: %1 Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>%1 is a folder, not an image file; choose a file in it.</source>
        <translation>%1 ist ein Ordner, keine Bilddatei; wählen Sie eine Datei darin.</translation>
    </message>
</context>
<context>
    <name>Atelier::MessageBar</name>
    <message>
        <source>Every message of this session, whole</source>
        <translation>Alle Meldungen dieser Sitzung, vollständig</translation>
    </message>
    <message>
        <source>Message history</source>
        <translation>Meldungsverlauf</translation>
    </message>
    <message>
        <source>Messages of this session</source>
        <translation>Meldungen dieser Sitzung</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected messages (or the newest) to the clipboard</source>
        <translation>Die gewählten Meldungen (oder die neueste) in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n Meldung</numerusform>
            <numerusform>%n Meldungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::ModelLister</name>
    <message>
        <source>Azure OpenAI lists no models per key; your deployments are the models. Type a deployment&apos;s name as the model.</source>
        <translation>Azure OpenAI listet keine Modelle pro Schlüssel; Ihre Deployments sind die Modelle. Geben Sie den Namen eines Deployments als Modell ein.</translation>
    </message>
    <message>
        <source>The answer to the models list is larger than %1 MB, more than Atelier accepts; it was refused. Is the base URL an OpenAI-compatible API?</source>
        <translation>Die Antwort auf die Modellliste ist größer als %1 MB, mehr als Atelier annimmt; sie wurde abgelehnt. Ist die Basis-URL eine OpenAI-kompatible API?</translation>
    </message>
</context>
<context>
    <name>Atelier::ModelNotes</name>
    <message>
        <source>OpenAI shut DALL·E 2 down on 2026-05-12; Azure OpenAI deployments and gateways may still serve it.</source>
        <translation>OpenAI hat DALL·E 2 am 2026-05-12 abgeschaltet; Azure-OpenAI-Bereitstellungen und Gateways bieten es womöglich noch an.</translation>
    </message>
    <message>
        <source>OpenAI shut DALL·E 3 down on 2026-05-12; Azure OpenAI deployments and gateways may still serve it.</source>
        <translation>OpenAI hat DALL·E 3 am 2026-05-12 abgeschaltet; Azure-OpenAI-Bereitstellungen und Gateways bieten es womöglich noch an.</translation>
    </message>
    <message>
        <source>OpenAI shut gpt-image-1 down on 2026-10-23 and names gpt-image-2.5-sunburst or gpt-image-2.5-flare instead; Azure OpenAI deployments and gateways may still serve it.</source>
        <translation>OpenAI hat gpt-image-1 am 2026-10-23 abgeschaltet und nennt stattdessen gpt-image-2.5-sunburst oder gpt-image-2.5-flare; Azure-OpenAI-Bereitstellungen und Gateways bieten es womöglich noch an.</translation>
    </message>
    <message>
        <source>OpenAI shut gpt-image-1-mini down on 2026-12-01 and names gpt-image-2.6-flare or gpt-image-2.6-sunburst instead.</source>
        <translation>OpenAI hat gpt-image-1-mini am 2026-12-01 abgeschaltet und nennt stattdessen gpt-image-2.6-flare oder gpt-image-2.6-sunburst.</translation>
    </message>
    <message>
        <source>OpenAI shut gpt-image-1.5 down on 2026-12-01 and names gpt-image-2.6-sunburst or gpt-image-2.6-flare instead.</source>
        <translation>OpenAI hat gpt-image-1.5 am 2026-12-01 abgeschaltet und nennt stattdessen gpt-image-2.6-sunburst oder gpt-image-2.6-flare.</translation>
    </message>
    <message>
        <source>OpenAI shut gpt-image-1.5-2025-12-16 down on 2026-12-01 and names gpt-image-2.6-sunburst or gpt-image-2.6-flare instead.</source>
        <translation>OpenAI hat gpt-image-1.5-2025-12-16 am 2026-12-01 abgeschaltet und nennt stattdessen gpt-image-2.6-sunburst oder gpt-image-2.6-flare.</translation>
    </message>
    <message>
        <source>Transparent backgrounds are a preview feature on gpt-image-2; sizes above 2560x1440 are experimental.</source>
        <translation>Transparente Hintergründe sind bei gpt-image-2 eine Vorschaufunktion; Größen über 2560x1440 sind experimentell.</translation>
    </message>
    <message>
        <source>Dated snapshot of gpt-image-2: its behaviour does not change under you.</source>
        <translation>Datierter Stand von gpt-image-2: sein Verhalten ändert sich nicht unter der Hand.</translation>
    </message>
    <message>
        <source>Released 2026-09-08, the fast tier of GPT Image 2.5: free sizes, quality up to xhigh and max, transparent backgrounds, markup edits.</source>
        <translation>Erschienen am 2026-09-08, die schnelle Stufe von GPT Image 2.5: freie Größen, Qualität bis xhigh und max, transparente Hintergründe, Markup-Bearbeitungen.</translation>
    </message>
    <message>
        <source>Dated snapshot of gpt-image-2.5-flare: its behaviour does not change under you.</source>
        <translation>Datierter Stand von gpt-image-2.5-flare: sein Verhalten ändert sich nicht unter der Hand.</translation>
    </message>
    <message>
        <source>Released 2026-09-08, the detail tier of GPT Image 2.5: free sizes, quality up to xhigh and max, transparent backgrounds, markup edits.</source>
        <translation>Erschienen am 2026-09-08, die detailreiche Stufe von GPT Image 2.5: freie Größen, Qualität bis xhigh und max, transparente Hintergründe, Markup-Bearbeitungen.</translation>
    </message>
    <message>
        <source>Dated snapshot of gpt-image-2.5-sunburst: its behaviour does not change under you.</source>
        <translation>Datierter Stand von gpt-image-2.5-sunburst: sein Verhalten ändert sich nicht unter der Hand.</translation>
    </message>
    <message>
        <source>Released 2026-11-04, the fast tier of GPT Image 2.6: complexity, GIF and SVG output, markup edits.</source>
        <translation>Erschienen am 2026-11-04, die schnelle Stufe von GPT Image 2.6: Komplexität, Ausgabe als GIF und SVG, Markup-Bearbeitungen.</translation>
    </message>
    <message>
        <source>Released 2026-11-04, the detail tier of GPT Image 2.6: complexity, GIF and SVG output, markup edits. The Responses API&apos;s image tool uses it by default.</source>
        <translation>Erschienen am 2026-11-04, die detailreiche Stufe von GPT Image 2.6: Komplexität, Ausgabe als GIF und SVG, Markup-Bearbeitungen. Das Bildwerkzeug der Responses API verwendet es standardmäßig.</translation>
    </message>
    <message>
        <source>OpenAI shut chatgpt-image-latest down on 2026-12-01 and names gpt-image-2.6-sunburst or gpt-image-2.6-flare instead.</source>
        <translation>OpenAI hat chatgpt-image-latest am 2026-12-01 abgeschaltet und nennt stattdessen gpt-image-2.6-sunburst oder gpt-image-2.6-flare.</translation>
    </message>
    <message>
        <source>Not in Atelier&apos;s catalog: only the limits of the official API description are checked.</source>
        <translation>Nicht in Ateliers Katalog: nur die Grenzen der offiziellen API-Beschreibung werden geprüft.</translation>
    </message>
</context>
<context>
    <name>Atelier::NoticeArea</name>
    <message>
        <source>&lt;b&gt;No API key yet.&lt;/b&gt; Create one at &lt;a href=&quot;https://platform.openai.com/api-keys&quot;&gt;platform.openai.com/api-keys&lt;/a&gt;, then set &lt;tt&gt;OPENAI_API_KEY&lt;/tt&gt; before starting Atelier, or store it with &lt;tt&gt;atelier-cli key set&lt;/tt&gt;. Everything else works without one.</source>
        <translation>&lt;b&gt;Noch kein API-Schlüssel.&lt;/b&gt; Erstellen Sie einen unter &lt;a href=&quot;https://platform.openai.com/api-keys&quot;&gt;platform.openai.com/api-keys&lt;/a&gt; und setzen Sie dann &lt;tt&gt;OPENAI_API_KEY&lt;/tt&gt;, bevor Sie Atelier starten, oder speichern Sie ihn mit &lt;tt&gt;atelier-cli key set&lt;/tt&gt;. Alles andere funktioniert auch ohne.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Dismiss the library notice</source>
        <translation>Hinweis zur Bibliothek schließen</translation>
    </message>
</context>
<context>
    <name>Atelier::ParameterPanel</name>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Stil</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Hintergrund</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Compression</source>
        <translation>Kompression</translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation>Moderation</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Auslieferung</translation>
    </message>
    <message>
        <source>Input fidelity</source>
        <translation>Eingabetreue</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Streamen</translation>
    </message>
    <message>
        <source>Partial images</source>
        <translation>Teilbilder</translation>
    </message>
    <message>
        <source>End-user id</source>
        <translation>Endnutzer-ID</translation>
    </message>
    <message>
        <source>Width x height of the image; auto lets the model choose.</source>
        <translation>Breite x Höhe des Bildes; auto lässt das Modell wählen.</translation>
    </message>
    <message>
        <source>Higher quality takes longer and uses more tokens.</source>
        <translation>Höhere Qualität dauert länger und verbraucht mehr Tokens.</translation>
    </message>
    <message>
        <source>vivid leans hyper-real and dramatic; natural looks less so.</source>
        <translation>vivid wirkt hyperreal und dramatisch, natural weniger.</translation>
    </message>
    <message>
        <source>transparent needs PNG or WebP output.</source>
        <translation>transparent braucht PNG- oder WebP-Ausgabe.</translation>
    </message>
    <message>
        <source>The file format the API returns.</source>
        <translation>Das Dateiformat, das die API liefert.</translation>
    </message>
    <message>
        <source>0-100, for JPEG and WebP output only.</source>
        <translation>0–100, nur für JPEG- und WebP-Ausgabe.</translation>
    </message>
    <message>
        <source>low filters less strictly than auto.</source>
        <translation>low filtert weniger streng als auto.</translation>
    </message>
    <message>
        <source>url or b64_json; URLs are downloaded at once (they expire after an hour).</source>
        <translation>url oder b64_json; URLs werden sofort heruntergeladen (sie verfallen nach einer Stunde).</translation>
    </message>
    <message>
        <source>How closely an edit keeps the input&apos;s features, faces especially.</source>
        <translation>Wie genau eine Bearbeitung die Merkmale der Eingabe beibehält, besonders Gesichter.</translation>
    </message>
    <message>
        <source>How many images to make.</source>
        <translation>Wie viele Bilder erzeugt werden.</translation>
    </message>
    <message>
        <source>Show the image while it is being drawn.</source>
        <translation>Das Bild zeigen, während es entsteht.</translation>
    </message>
    <message>
        <source>How many previews to stream before the final image (needs Stream).</source>
        <translation>Wie viele Vorschauen vor dem fertigen Bild gestreamt werden (braucht Streamen).</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Variation</source>
        <translation>Variation</translation>
    </message>
    <message>
        <source>Generate from a prompt, edit images (references and a mask), or make variations (dall-e-2).</source>
        <translation>Aus einem Prompt erzeugen, Bilder bearbeiten (Referenzen und eine Maske) oder Variationen erstellen (dall-e-2).</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>The models that can do this. Type another name for a gateway&apos;s model; only the API&apos;s own limits are checked for it.</source>
        <translation>Die Modelle, die das können. Geben Sie für das Modell eines Gateways einen anderen Namen ein; dafür werden nur die eigenen Grenzen der API geprüft.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <source>%1 cannot %2, so the model is now %3.</source>
        <translation>%1 beherrscht „%2“ nicht, daher ist das Modell jetzt %3.</translation>
    </message>
    <message>
        <source>%1 is not in the catalog: only the API&apos;s own limits are checked.</source>
        <translation>%1 ist nicht im Katalog: nur die eigenen Grenzen der API werden geprüft.</translation>
    </message>
    <message>
        <source>%1 does not take this parameter here.</source>
        <translation>%1 nimmt diesen Parameter hier nicht an.</translation>
    </message>
    <message>
        <source>%1 does not support this; %2 do.</source>
        <translation>%1 unterstützt das nicht; %2 schon.</translation>
    </message>
    <message>
        <source>%1 was cleared (%2 does not support it)</source>
        <translation>%1 wurde geleert (%2 unterstützt es nicht)</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>Standard (%1)</translation>
    </message>
    <message>
        <source>Not sent: the API decides.</source>
        <translation>Nicht gesendet: die API entscheidet.</translation>
    </message>
    <message>
        <source>%1 does not offer %2.</source>
        <translation>%1 bietet %2 nicht an.</translation>
    </message>
    <message>
        <source>%1 (preview)</source>
        <translation>%1 (Vorschau)</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Eigene…</translation>
    </message>
    <message>
        <source>%1 %2 became the default (%3 does not offer it)</source>
        <translation>%1 %2 ist jetzt der Standard (%3 bietet es nicht an)</translation>
    </message>
    <message>
        <source>%1 became the default (%2 allows %3 to %4)</source>
        <translation>%1 ist jetzt der Standard (%2 erlaubt %3 bis %4)</translation>
    </message>
    <message>
        <source>Switched to %1: %2.</source>
        <translation>Auf %1 gewechselt: %2.</translation>
    </message>
    <message>
        <source>Complexity</source>
        <translation>Komplexität</translation>
    </message>
    <message>
        <source>GIF frames</source>
        <translation>GIF-Einzelbilder</translation>
    </message>
    <message>
        <source>Frame time (ms)</source>
        <translation>Bilddauer (ms)</translation>
    </message>
    <message>
        <source>SVG author</source>
        <translation>SVG-Autor</translation>
    </message>
    <message>
        <source>SVG reasoning</source>
        <translation>SVG-Denkaufwand</translation>
    </message>
    <message>
        <source>Deprecated: the safety identifier in the settings replaces it. An id for your end-user, passed to the API for abuse monitoring.</source>
        <translation>Veraltet: die Sicherheitskennung in den Einstellungen ersetzt sie. Eine ID für Ihren Endnutzer, die der API zur Missbrauchserkennung übergeben wird.</translation>
    </message>
    <message>
        <source>How much the model plans the image, independent of quality; Default lets the model decide.</source>
        <translation>Wie viel das Modell das Bild plant, unabhängig von der Qualität; Standard lässt das Modell entscheiden.</translation>
    </message>
    <message>
        <source>Frames of an animated GIF (2-16; needs Format gif).</source>
        <translation>Einzelbilder eines animierten GIF (2–16; braucht Format gif).</translation>
    </message>
    <message>
        <source>How long each GIF frame shows, in milliseconds (rounded to 10; needs Format gif).</source>
        <translation>Wie lange jedes GIF-Einzelbild zu sehen ist, in Millisekunden (auf 10 gerundet; braucht Format gif).</translation>
    </message>
    <message>
        <source>The text model that writes the SVG (needs Format svg and SVG model selection on your account); empty: the API&apos;s choice.</source>
        <translation>Das Textmodell, das das SVG schreibt (braucht Format svg und SVG-Modellauswahl in Ihrem Konto); leer: die API wählt.</translation>
    </message>
    <message>
        <source>How much the SVG author reasons (needs Format svg).</source>
        <translation>Wie viel der SVG-Autor nachdenkt (braucht Format svg).</translation>
    </message>
    <message>
        <source>OpenAI shut it down on %1.</source>
        <translation>OpenAI hat es am %1 abgeschaltet.</translation>
    </message>
    <message>
        <source>OpenAI shuts it down on %1.</source>
        <translation>OpenAI schaltet es am %1 ab.</translation>
    </message>
    <message>
        <source>OpenAI shut %1 down on %2: a request would fail.</source>
        <translation>OpenAI hat %1 am %2 abgeschaltet: eine Anfrage würde scheitern.</translation>
    </message>
    <message>
        <source>OpenAI shut %1 down on %2; it works only where your provider still serves it.</source>
        <translation>OpenAI hat %1 am %2 abgeschaltet; es funktioniert nur, wo Ihr Anbieter es noch bereitstellt.</translation>
    </message>
    <message numerus="yes">
        <source>OpenAI shuts %1 down on %2 (in %n day(s)).</source>
        <translation>
            <numerusform>OpenAI schaltet %1 am %2 ab (in %n Tag).</numerusform>
            <numerusform>OpenAI schaltet %1 am %2 ab (in %n Tagen).</numerusform>
        </translation>
    </message>
    <message>
        <source>Switch to %1</source>
        <translation>Zu %1 wechseln</translation>
    </message>
    <message>
        <source>Everything you set carries over.</source>
        <translation>Alles, was Sie eingestellt haben, bleibt erhalten.</translation>
    </message>
    <message>
        <source>%1 does not take: %2; they go back to the default.</source>
        <translation>%1 nimmt nicht: %2; das geht auf den Standard zurück.</translation>
    </message>
    <message>
        <source>%1 replaces it. %2</source>
        <translation>%1 ersetzt es. %2</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Extra high</source>
        <translation>Sehr hoch</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Maximal</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>HD</source>
        <translation>HD</translation>
    </message>
    <message>
        <source>Vivid</source>
        <translation>Lebendig</translation>
    </message>
    <message>
        <source>Natural</source>
        <translation>Natürlich</translation>
    </message>
    <message>
        <source>Transparent</source>
        <translation>Transparent</translation>
    </message>
    <message>
        <source>Opaque</source>
        <translation>Deckend</translation>
    </message>
    <message>
        <source>Link (url)</source>
        <translation>Link (url)</translation>
    </message>
    <message>
        <source>In the answer (b64_json)</source>
        <translation>In der Antwort (b64_json)</translation>
    </message>
    <message>
        <source>Minimal</source>
        <translation>Minimal</translation>
    </message>
    <message>
        <source>Simple</source>
        <translation>Einfach</translation>
    </message>
    <message>
        <source>Detailed</source>
        <translation>Detailliert</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Compression, moderation, delivery, ids and the SVG author: set once in a while.</source>
        <translation>Kompression, Moderation, Auslieferung, Kennungen und der SVG-Autor: selten gebraucht.</translation>
    </message>
    <message>
        <source>Square</source>
        <translation>Quadrat</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Querformat</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Hochformat</translation>
    </message>
</context>
<context>
    <name>Atelier::ProfileDialog</name>
    <message>
        <source>New provider profile</source>
        <translation>Neues Anbieterprofil</translation>
    </message>
    <message>
        <source>e.g. work gateway</source>
        <translation>z. B. Firmen-Gateway</translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>Azure OpenAI</source>
        <translation>Azure OpenAI</translation>
    </message>
    <message>
        <source>OpenAI-compatible gateway</source>
        <translation>OpenAI-kompatibles Gateway</translation>
    </message>
    <message>
        <source>empty: the model&apos;s name</source>
        <translation>leer: der Name des Modells</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API-Version</translation>
    </message>
    <message>
        <source>Give the profile a name; its API key is kept in the keychain under it.</source>
        <translation>Geben Sie dem Profil einen Namen; sein API-Schlüssel wird unter diesem Namen im Schlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <source>Edit provider profile</source>
        <translation>Anbieterprofil bearbeiten</translation>
    </message>
    <message>
        <source>The profile&apos;s API key is kept in the keychain under this name; to rename it, make a new profile.</source>
        <translation>Der API-Schlüssel des Profils wird unter diesem Namen im Schlüsselbund aufbewahrt; um es umzubenennen, legen Sie ein neues Profil an.</translation>
    </message>
    <message>
        <source>none; e.g. openai/</source>
        <translation>keines; z. B. openai/</translation>
    </message>
    <message>
        <source>For gateways that name models by provider: choose gpt-image-2.6-flare and Atelier sends openai/gpt-image-2.6-flare.</source>
        <translation>Für Gateways, die Modelle nach Anbieter benennen: Sie wählen gpt-image-2.6-flare, und Atelier sendet openai/gpt-image-2.6-flare.</translation>
    </message>
    <message>
        <source>Model name prefix</source>
        <translation>Präfix für Modellnamen</translation>
    </message>
    <message>
        <source>Allow plain http:// to another machine (unencrypted)</source>
        <translation>Unverschlüsseltes http:// zu einem anderen Rechner erlauben</translation>
    </message>
    <message>
        <source>The key and every prompt then travel unencrypted; Atelier warns on every use.</source>
        <translation>Der Schlüssel und jeder Prompt werden dann unverschlüsselt übertragen; Atelier warnt bei jeder Verwendung.</translation>
    </message>
</context>
<context>
    <name>Atelier::PromptEditor</name>
    <message>
        <source>Describe the image… (Ctrl+Return to generate, Ctrl+Up for earlier prompts)</source>
        <translation>Beschreiben Sie das Bild… (Strg+Eingabe erzeugt, Strg+Hoch holt frühere Prompts)</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
</context>
<context>
    <name>Atelier::PromptTemplate</name>
    <message>
        <source>The wildcards make %1 prompts; at most %2 can be sent at once. Remove some choices.</source>
        <translation>Die Platzhalter ergeben %1 Prompts; höchstens %2 können auf einmal gesendet werden. Entfernen Sie einige Auswahlmöglichkeiten.</translation>
    </message>
</context>
<context>
    <name>Atelier::ProviderProfile</name>
    <message>
        <source>The base URL &quot;%1&quot; is not a valid URL; use one like https://api.openai.com/v1.</source>
        <translation>Die Basis-URL „%1“ ist keine gültige URL; verwenden Sie eine wie https://api.openai.com/v1.</translation>
    </message>
    <message>
        <source>The base URL &quot;%1&quot; must start with https:// (or http:// for a local gateway).</source>
        <translation>Die Basis-URL „%1“ muss mit https:// beginnen (oder http:// für ein lokales Gateway).</translation>
    </message>
    <message>
        <source>The base URL &quot;%1&quot; is plain http:// to another machine: the key and the prompts would travel unencrypted. Use https://, or allow it explicitly (--allow-insecure-http, or the provider&apos;s setting).</source>
        <translation>Die Basis-URL „%1“ ist unverschlüsseltes http:// zu einem anderen Rechner: Schlüssel und Prompts würden unverschlüsselt übertragen. Verwenden Sie https:// oder erlauben Sie es ausdrücklich (--allow-insecure-http oder die Einstellung des Anbieters).</translation>
    </message>
    <message>
        <source>requests to %1 are sent unencrypted (plain http://): anyone on the way can read the key and the prompts.</source>
        <translation>Anfragen an %1 werden unverschlüsselt gesendet (http://): jeder auf dem Weg kann den Schlüssel und die Prompts lesen.</translation>
    </message>
</context>
<context>
    <name>Atelier::RecipeDiff</name>
    <message>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Revised prompt</source>
        <translation>Überarbeiteter Prompt</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>Pixel</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
</context>
<context>
    <name>Atelier::RecipeGuard</name>
    <message>
        <source>the model&apos;s name (to %1 characters)</source>
        <translation>der Name des Modells (auf %1 Zeichen)</translation>
    </message>
    <message>
        <source>the prompt (to %1 characters)</source>
        <translation>der Prompt (auf %1 Zeichen)</translation>
    </message>
    <message>
        <source>a parameter with a name no model takes (left out)</source>
        <translation>ein Parameter mit einem Namen, den kein Modell annimmt (weggelassen)</translation>
    </message>
    <message>
        <source>%1 (to %2 characters)</source>
        <translation>%1 (auf %2 Zeichen)</translation>
    </message>
</context>
<context>
    <name>Atelier::ReferenceTray</name>
    <message>
        <source>Reference images</source>
        <translation>Referenzbilder</translation>
    </message>
    <message>
        <source>The clipboard holds no image and no image file to add.</source>
        <translation>Die Zwischenablage enthält kein Bild und keine Bilddatei zum Hinzufügen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is a folder, not an image file; add the images in it instead.</source>
        <translation>
            <numerusform>%1 ist ein Ordner, keine Bilddatei; fügen Sie stattdessen die Bilder darin hinzu.</numerusform>
            <numerusform>%1 sind Ordner, keine Bilddateien; fügen Sie stattdessen die Bilder darin hinzu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Make first (the image to edit)</source>
        <translation>An den Anfang (das zu bearbeitende Bild)</translation>
    </message>
    <message>
        <source>Move left</source>
        <translation>Nach links</translation>
    </message>
    <message>
        <source>Move right</source>
        <translation>Nach rechts</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Add images…</source>
        <translation>Bilder hinzufügen…</translation>
    </message>
    <message>
        <source>Remove all</source>
        <translation>Alle entfernen</translation>
    </message>
    <message>
        <source>Drop images here, paste, or choose Add…</source>
        <translation>Bilder hierher ziehen, einfügen oder „Hinzufügen…“ wählen</translation>
    </message>
    <message>
        <source>Cannot be read: %1</source>
        <translation>Nicht lesbar: %1</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 Pixel</translation>
    </message>
    <message>
        <source>%1, image 1 of %2, the image to edit</source>
        <translation>%1, Bild 1 von %2, das zu bearbeitende Bild</translation>
    </message>
    <message>
        <source>%1, image %2 of %3</source>
        <translation>%1, Bild %2 von %3</translation>
    </message>
    <message>
        <source>The first image is the one to edit: the size and the mask follow it. Delete removes the selected images, Ctrl+Left and Ctrl+Right move one, Ctrl+V pastes.</source>
        <translation>Das erste Bild ist das zu bearbeitende: Größe und Maske richten sich nach ihm. Entf entfernt die ausgewählten Bilder, Strg+Links und Strg+Rechts verschieben eines, Strg+V fügt ein.</translation>
    </message>
</context>
<context>
    <name>Atelier::RefineJob</name>
    <message>
        <source>No API key is set. Set %1 in the environment, or store a key in the keychain (atelier-cli key set).</source>
        <translation>Kein API-Schlüssel gesetzt. Setzen Sie %1 in der Umgebung, oder legen Sie einen Schlüssel im Schlüsselbund ab (atelier-cli key set).</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>a streamed event is larger than %1 MB</source>
        <translation>ein gestreamtes Ereignis ist größer als %1 MB</translation>
    </message>
    <message>
        <source>the stream ended before the response was completed</source>
        <translation>der Stream endete, bevor die Antwort fertig war</translation>
    </message>
    <message>
        <source>the response has no image (the model did not call the image tool)</source>
        <translation>die Antwort enthält kein Bild (das Modell hat das Bildwerkzeug nicht aufgerufen)</translation>
    </message>
    <message>
        <source>the response ended %1 without an image</source>
        <translation>die Antwort endete ohne Bild (Status %1)</translation>
    </message>
    <message>
        <source>the image is not valid base64</source>
        <translation>das Bild ist kein gültiges Base64</translation>
    </message>
</context>
<context>
    <name>Atelier::RefinePane</name>
    <message>
        <source>Turns of the refine thread</source>
        <translation>Runden des Verfeinerungsverlaufs</translation>
    </message>
    <message>
        <source>What to change…</source>
        <translation>Was soll sich ändern…</translation>
    </message>
    <message>
        <source>Instruction for the next turn</source>
        <translation>Anweisung für die nächste Runde</translation>
    </message>
    <message>
        <source>What the turns of this thread cost, from the usage the API reported.</source>
        <translation>Was die Runden dieses Verlaufs gekostet haben, nach dem von der API gemeldeten Verbrauch.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send the instruction as the next turn (Enter).</source>
        <translation>Die Anweisung als nächste Runde senden (Eingabetaste).</translation>
    </message>
    <message>
        <source>Start: %1</source>
        <translation>Start: %1</translation>
    </message>
    <message>
        <source>(no prompt)</source>
        <translation>(kein Prompt)</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>from the start</source>
        <translation>vom Start</translation>
    </message>
    <message>
        <source>from turn %1</source>
        <translation>von Runde %1</translation>
    </message>
    <message>
        <source>as an edit</source>
        <translation>als Bearbeitung</translation>
    </message>
    <message>
        <source>$%1</source>
        <translation>$%1</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Each turn changes the chosen image; choose an earlier turn to branch from it.</source>
        <translation>Jede Runde ändert das gewählte Bild; wählen Sie eine frühere Runde, um von ihr abzuzweigen.</translation>
    </message>
    <message>
        <source>Choose Refine… on an image (the canvas or the gallery) to start a thread.</source>
        <translation>Wählen Sie Verfeinern… an einem Bild (auf der Leinwand oder in der Galerie), um einen Verlauf zu beginnen.</translation>
    </message>
    <message>
        <source>The next turn changes the start image.</source>
        <translation>Die nächste Runde ändert das Startbild.</translation>
    </message>
    <message>
        <source>The next turn continues turn %1.</source>
        <translation>Die nächste Runde setzt Runde %1 fort.</translation>
    </message>
    <message>
        <source>This provider has no Responses API: turns go as edits of the chosen image.</source>
        <translation>Dieser Anbieter hat keine Responses API: die Runden gehen als Bearbeitungen des gewählten Bildes.</translation>
    </message>
    <message numerus="yes">
        <source>Thread: $%1, %n turn(s)</source>
        <translation>
            <numerusform>Verlauf: $%1, %n Runde</numerusform>
            <numerusform>Verlauf: $%1, %n Runden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::RefineStudio</name>
    <message>
        <source>Refine</source>
        <translation>Verfeinern</translation>
    </message>
    <message>
        <source>&amp;Refine thread</source>
        <translation>Ver&amp;feinerungsverlauf</translation>
    </message>
    <message>
        <source>Change the image shown turn by turn, in a thread beside it.</source>
        <translation>Das gezeigte Bild Runde für Runde ändern, in einem Verlauf daneben.</translation>
    </message>
    <message>
        <source>Refine starts from an image in the library: choose one in the gallery, or make one first.</source>
        <translation>Verfeinern beginnt mit einem Bild aus der Bibliothek: wählen Sie eines in der Galerie, oder erzeugen Sie zuerst eines.</translation>
    </message>
    <message>
        <source>Re&amp;fine the image…</source>
        <translation>Bild verfei&amp;nern…</translation>
    </message>
</context>
<context>
    <name>Atelier::RefineThread</name>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>A turn is still running; wait for it or cancel it first.</source>
        <translation>Eine Runde läuft noch; warten Sie darauf oder brechen Sie sie zuerst ab.</translation>
    </message>
    <message>
        <source>That image is no longer in the library.</source>
        <translation>Dieses Bild ist nicht mehr in der Bibliothek.</translation>
    </message>
    <message>
        <source>Open an image to refine first (Refine… on the image or in the gallery).</source>
        <translation>Öffnen Sie zuerst ein Bild zum Verfeinern (Verfeinern… am Bild oder in der Galerie).</translation>
    </message>
    <message>
        <source>Say what to change in the image first.</source>
        <translation>Sagen Sie zuerst, was sich am Bild ändern soll.</translation>
    </message>
    <message>
        <source>That turn made no image to continue from; choose one that did.</source>
        <translation>Diese Runde hat kein Bild ergeben, an das sich anknüpfen lässt; wählen Sie eine mit Bild.</translation>
    </message>
    <message>
        <source>No API key is set: add one in Settings first.</source>
        <translation>Kein API-Schlüssel gesetzt: fügen Sie zuerst in den Einstellungen einen hinzu.</translation>
    </message>
    <message>
        <source>This provider has no Responses API (POST /responses answered 404): the thread goes on as edits of the last image (/images/edits).</source>
        <translation>Dieser Anbieter hat keine Responses API (POST /responses antwortete mit 404): der Verlauf geht als Bearbeitungen des letzten Bildes weiter (/images/edits).</translation>
    </message>
    <message>
        <source>The conversation of turn %1 has expired at the provider; a new one starts from its image.</source>
        <translation>Das Gespräch von Runde %1 ist beim Anbieter abgelaufen; ein neues beginnt mit ihrem Bild.</translation>
    </message>
    <message>
        <source>The edit was not sent.</source>
        <translation>Die Bearbeitung wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>The image could not be saved: %1</source>
        <translation>Das Bild konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The image is saved in %1 but not in the gallery: %2</source>
        <translation>Das Bild ist in %1 gespeichert, aber nicht in der Galerie: %2</translation>
    </message>
    <message>
        <source>This turn is not kept for the next start: %1</source>
        <translation>Diese Runde wird für den nächsten Start nicht aufbewahrt: %1</translation>
    </message>
</context>
<context>
    <name>Atelier::RequestBuilder</name>
    <message>
        <source>%1 cannot be opened for sending: %2.</source>
        <translation>%1 kann zum Senden nicht geöffnet werden: %2.</translation>
    </message>
</context>
<context>
    <name>Atelier::RequestValidator</name>
    <message>
        <source>%1 cannot %2; choose one of: %3.</source>
        <translation>%1 beherrscht „%2“ nicht; wählen Sie eines von: %3.</translation>
    </message>
    <message>
        <source>%1 is not in Atelier&apos;s model catalog, so only the API&apos;s own limits are checked; add it to %2 to get its rules.</source>
        <translation>%1 ist nicht im Modellkatalog von Atelier, daher werden nur die eigenen Grenzen der API geprüft; fügen Sie es zu %2 hinzu, um seine Regeln zu erhalten.</translation>
    </message>
    <message>
        <source>%1 is %2.</source>
        <translation>%1 ist %2.</translation>
    </message>
    <message>
        <source>Variations take no prompt; clear the prompt or switch to an edit.</source>
        <translation>Variationen nehmen keinen Prompt; leeren Sie den Prompt oder wechseln Sie zu einer Bearbeitung.</translation>
    </message>
    <message>
        <source>The prompt is empty; describe the image you want.</source>
        <translation>Der Prompt ist leer; beschreiben Sie das gewünschte Bild.</translation>
    </message>
    <message>
        <source>The prompt has %1 characters but %2 accepts at most %3; shorten it by %4.</source>
        <translation>Der Prompt hat %1 Zeichen, %2 nimmt aber höchstens %3; kürzen Sie ihn um %4.</translation>
    </message>
    <message>
        <source>The Images API has no parameter &quot;%1&quot;; remove it.</source>
        <translation>Die Images-API hat keinen Parameter „%1“; entfernen Sie ihn.</translation>
    </message>
    <message>
        <source>%1 does not support %2 when asked to %3; remove it.</source>
        <translation>%1 unterstützt %2 bei „%3“ nicht; entfernen Sie es.</translation>
    </message>
    <message>
        <source>%1 does not support %2 (%3 do); remove it or switch models.</source>
        <translation>%1 unterstützt %2 nicht (%3 schon); entfernen Sie es oder wechseln Sie das Modell.</translation>
    </message>
    <message>
        <source>%1 must be true or false, not &quot;%2&quot;.</source>
        <translation>%1 muss true oder false sein, nicht „%2“.</translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation>%1 muss Text sein.</translation>
    </message>
    <message>
        <source>%1 must be a whole number, not &quot;%2&quot;.</source>
        <translation>%1 muss eine ganze Zahl sein, nicht „%2“.</translation>
    </message>
    <message>
        <source>%1 makes one image per request; set n to 1.</source>
        <translation>%1 erzeugt ein Bild pro Anfrage; setzen Sie n auf 1.</translation>
    </message>
    <message>
        <source>%1 makes exactly %2 images per request; set n to %2.</source>
        <translation>%1 erzeugt genau %2 Bilder pro Anfrage; setzen Sie n auf %2.</translation>
    </message>
    <message>
        <source>%1 makes %2 to %3 images per request; set n between %2 and %3.</source>
        <translation>%1 erzeugt %2 bis %3 Bilder pro Anfrage; setzen Sie n zwischen %2 und %3.</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3 for %4; %5 is out of range.</source>
        <translation>%1 muss für %4 zwischen %2 und %3 liegen; %5 liegt außerhalb.</translation>
    </message>
    <message>
        <source>%1 must be text such as &quot;%2&quot;, not %3.</source>
        <translation>%1 muss Text wie „%2“ sein, nicht %3.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is a preview feature on %3; results may vary.</source>
        <translation>%1 „%2“ ist bei %3 eine Vorschaufunktion; die Ergebnisse können abweichen.</translation>
    </message>
    <message>
        <source>%1 does not offer %2 &quot;%3&quot;; use one of: %4.</source>
        <translation>%1 bietet %2 „%3“ nicht an; verwenden Sie eines von: %4.</translation>
    </message>
    <message>
        <source>size &quot;%1&quot; is not WIDTHxHEIGHT; %2 accepts %3, or one of: %4.</source>
        <translation>Größe „%1“ ist nicht BREITExHÖHE; %2 nimmt %3 oder eines von: %4.</translation>
    </message>
    <message>
        <source>size %1: width and height must both be multiples of %2 for %3; the nearest valid size is %4x%5.</source>
        <translation>Größe %1: Breite und Höhe müssen bei %3 beide Vielfache von %2 sein; die nächste gültige Größe ist %4x%5.</translation>
    </message>
    <message>
        <source>size %1 is too narrow or too wide for %2: the aspect ratio must be between 1:3 and 3:1.</source>
        <translation>Größe %1 ist für %2 zu schmal oder zu breit: das Seitenverhältnis muss zwischen 1:3 und 3:1 liegen.</translation>
    </message>
    <message>
        <source>size %1 is too large for %2, which accepts %3.</source>
        <translation>Größe %1 ist zu groß für %2, das %3 annimmt.</translation>
    </message>
    <message>
        <source>size %1 is above 2560x1440, which %2 treats as experimental.</source>
        <translation>Größe %1 liegt über 2560x1440, was %2 als experimentell behandelt.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>it is %1</source>
        <translation>es ist %1</translation>
    </message>
    <message>
        <source>it is unset (%1 by default)</source>
        <translation>es ist nicht gesetzt (Standard %1)</translation>
    </message>
    <message>
        <source>%1 only applies when %2 is %3, but %4; set %2 to %3 or remove %1.</source>
        <translation>%1 gilt nur, wenn %2 %3 ist, aber %4; setzen Sie %2 auf %3 oder entfernen Sie %1.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; needs %3 to be %4, but %5; set %3 to %4.</source>
        <translation>%1 „%2“ braucht %3 = %4, aber %5; setzen Sie %3 auf %4.</translation>
    </message>
    <message>
        <source>Generations take no input images; switch to an edit to use them as references.</source>
        <translation>Generierungen nehmen keine Eingabebilder; wechseln Sie zu einer Bearbeitung, um sie als Referenzen zu verwenden.</translation>
    </message>
    <message>
        <source>An input image is needed to %1; add one.</source>
        <translation>Für „%1“ wird ein Eingabebild gebraucht; fügen Sie eines hinzu.</translation>
    </message>
    <message>
        <source>one input image</source>
        <translation>ein Eingabebild</translation>
    </message>
    <message>
        <source>at most %1 input images</source>
        <translation>höchstens %1 Eingabebilder</translation>
    </message>
    <message>
        <source>%1 takes %2, but %3 were given; remove %4.</source>
        <translation>%1 nimmt %2, aber es wurden %3 angegeben; entfernen Sie %4.</translation>
    </message>
    <message>
        <source>The mask %1</source>
        <translation>Die Maske %1</translation>
    </message>
    <message>
        <source>The input image %1</source>
        <translation>Das Eingabebild %1</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2.</source>
        <translation>%1 kann nicht verwendet werden: %2.</translation>
    </message>
    <message>
        <source>%1 is %2, but %3 accepts %4 here; convert it.</source>
        <translation>%1 ist %2, %3 nimmt hier aber %4 an; wandeln Sie es um.</translation>
    </message>
    <message>
        <source>%1 is %2, but %3 accepts files under %4; make it smaller.</source>
        <translation>%1 ist %2, %3 nimmt aber Dateien unter %4 an; verkleinern Sie es.</translation>
    </message>
    <message>
        <source>%1 is %2x%3, but %4 needs a square image; crop it.</source>
        <translation>%1 ist %2x%3, %4 braucht aber ein quadratisches Bild; schneiden Sie es zu.</translation>
    </message>
    <message>
        <source>%1 takes no mask when asked to %2; remove it.</source>
        <translation>%1 nimmt bei „%2“ keine Maske an; entfernen Sie sie.</translation>
    </message>
    <message>
        <source>The mask has no alpha channel; the API edits where the mask is transparent, so save it with transparency.</source>
        <translation>Die Maske hat keinen Alphakanal; die API bearbeitet, wo die Maske transparent ist, also speichern Sie sie mit Transparenz.</translation>
    </message>
    <message>
        <source>The mask is %1x%2 but the first input image is %3x%4; they must be the same size.</source>
        <translation>Die Maske ist %1x%2, das erste Eingabebild aber %3x%4; beide müssen gleich groß sein.</translation>
    </message>
    <message>
        <source>choose another model</source>
        <translation>wählen Sie ein anderes Modell</translation>
    </message>
    <message>
        <source>switch to %1, which replaces it</source>
        <translation>wechseln Sie zu %1, das es ersetzt</translation>
    </message>
    <message>
        <source>OpenAI shut %1 down on %2, so the request would fail; %3.</source>
        <translation>OpenAI hat %1 am %2 abgeschaltet, die Anfrage würde also scheitern; %3.</translation>
    </message>
    <message>
        <source>OpenAI shut %1 down on %2; it works only where your provider still serves it (otherwise %3).</source>
        <translation>OpenAI hat %1 am %2 abgeschaltet; es funktioniert nur, wo Ihr Anbieter es noch bereitstellt (sonst %3).</translation>
    </message>
    <message numerus="yes">
        <source>OpenAI shuts %1 down on %2 (in %n day(s)).</source>
        <translation>
            <numerusform>OpenAI schaltet %1 am %2 ab (in %n Tag).</numerusform>
            <numerusform>OpenAI schaltet %1 am %2 ab (in %n Tagen).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>OpenAI shuts %1 down on %2 (in %n day(s)); %3 replaces it.</source>
        <translation>
            <numerusform>OpenAI schaltet %1 am %2 ab (in %n Tag); %3 ersetzt es.</numerusform>
            <numerusform>OpenAI schaltet %1 am %2 ab (in %n Tagen); %3 ersetzt es.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 must be an object with %2.</source>
        <translation>%1 muss ein Objekt mit %2 sein.</translation>
    </message>
    <message>
        <source>%1 has no field &quot;%2&quot;; it takes %3.</source>
        <translation>%1 hat kein Feld „%2“; es nimmt %3.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; cannot be combined with a mask; remove the mask or choose another %1.</source>
        <translation>%1 „%2“ kann nicht mit einer Maske kombiniert werden; entfernen Sie die Maske oder wählen Sie ein anderes %1.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; cannot be combined with markup; remove the markup or choose another %1.</source>
        <translation>%1 „%2“ kann nicht mit Markierungen kombiniert werden; entfernen Sie die Markierungen oder wählen Sie ein anderes %1.</translation>
    </message>
    <message>
        <source>%1 cannot be used with %2 &quot;%3&quot;; remove %1 or choose another %2.</source>
        <translation>%1 kann nicht mit %2 „%3“ verwendet werden; entfernen Sie %1 oder wählen Sie ein anderes %2.</translation>
    </message>
    <message>
        <source>%1 takes no markup when asked to %2; remove it.</source>
        <translation>%1 nimmt keine Markierungen, wenn es %2 soll; entfernen Sie sie.</translation>
    </message>
    <message>
        <source>%1 takes no markup (%2 do); remove it or switch models.</source>
        <translation>%1 nimmt keine Markierungen (%2 schon); entfernen Sie sie oder wechseln Sie das Modell.</translation>
    </message>
    <message>
        <source>Markup and a mask cannot be sent together; keep one of them.</source>
        <translation>Markierungen und eine Maske können nicht zusammen gesendet werden; behalten Sie eines von beiden.</translation>
    </message>
    <message>
        <source>The markup has no transparent pixels; draw the marks on a transparent layer and save it as a PNG with transparency.</source>
        <translation>Die Markierungen haben keine transparenten Pixel; zeichnen Sie sie auf eine transparente Ebene und speichern Sie sie als PNG mit Transparenz.</translation>
    </message>
    <message>
        <source>The markup is %1x%2 but the first input image is %3x%4; they must be the same size.</source>
        <translation>Die Markierungen sind %1x%2, aber das erste Eingabebild ist %3x%4; beide müssen gleich groß sein.</translation>
    </message>
    <message>
        <source>The markup %1</source>
        <translation>Die Markierungen %1</translation>
    </message>
    <message>
        <source>%1 needs %2 when it is sent (%3 requires it here); add it or leave %1 out.</source>
        <translation>%1 braucht %2, wenn es gesendet wird (%3 verlangt es hier); ergänzen Sie es oder lassen Sie %1 weg.</translation>
    </message>
    <message>
        <source>%1 %2 is more than %3 uses; it is capped at %4.</source>
        <translation>%1 %2 ist mehr, als %3 verwendet; es wird auf %4 begrenzt.</translation>
    </message>
    <message>
        <source>%1 %2 is rounded to the nearest multiple of %3.</source>
        <translation>%1 %2 wird auf das nächste Vielfache von %3 gerundet.</translation>
    </message>
</context>
<context>
    <name>Atelier::ResponseParser</name>
    <message>
        <source>the server reported an error without an explanation</source>
        <translation>der Server hat einen Fehler ohne Erklärung gemeldet</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not the JSON the Images API sends (%1).</source>
        <translation>Die Antwort des Servers ist nicht das JSON, das die Images-API sendet (%1).</translation>
    </message>
    <message>
        <source>an empty object</source>
        <translation>ein leeres Objekt</translation>
    </message>
    <message>
        <source>Image %1 of the answer has neither image data nor a URL.</source>
        <translation>Bild %1 der Antwort hat weder Bilddaten noch eine URL.</translation>
    </message>
    <message>
        <source>The answer contains no images.</source>
        <translation>Die Antwort enthält keine Bilder.</translation>
    </message>
    <message>
        <source>A streamed event is not valid JSON (%1).</source>
        <translation>Ein gestreamtes Ereignis ist kein gültiges JSON (%1).</translation>
    </message>
    <message>
        <source>A streamed %1 event carries no image data.</source>
        <translation>Ein gestreamtes %1-Ereignis enthält keine Bilddaten.</translation>
    </message>
    <message>
        <source>the server gave no explanation</source>
        <translation>der Server hat keine Erklärung gegeben</translation>
    </message>
    <message>
        <source>the server answered: %1</source>
        <translation>der Server hat geantwortet: %1</translation>
    </message>
    <message>
        <source>the server answered with a web page instead of the API&apos;s JSON; a gateway or proxy between Atelier and the API is probably failing</source>
        <translation>der Server hat mit einer Webseite statt mit dem JSON der API geantwortet; wahrscheinlich fällt ein Gateway oder Proxy zwischen Atelier und der API aus</translation>
    </message>
    <message>
        <source>the server answered with a web page (&quot;%1&quot;) instead of the API&apos;s JSON; a gateway or proxy between Atelier and the API is probably failing</source>
        <translation>der Server hat mit einer Webseite („%1“) statt mit dem JSON der API geantwortet; wahrscheinlich fällt ein Gateway oder Proxy zwischen Atelier und der API aus</translation>
    </message>
</context>
<context>
    <name>Atelier::ResponsesParser</name>
    <message>
        <source>the image generation call failed without an explanation</source>
        <translation>der Aufruf der Bilderzeugung schlug ohne Erklärung fehl</translation>
    </message>
    <message>
        <source>the stream sent an event that is not JSON (%1)</source>
        <translation>der Stream sandte ein Ereignis, das kein JSON ist (%1)</translation>
    </message>
    <message>
        <source>a partial image event carried no image</source>
        <translation>ein Teilbild-Ereignis enthielt kein Bild</translation>
    </message>
    <message>
        <source>the answer is not a JSON object (%1)</source>
        <translation>die Antwort ist kein JSON-Objekt (%1)</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>kein Objekt</translation>
    </message>
</context>
<context>
    <name>Atelier::ResponsesRequestBuilder</name>
    <message>
        <source>cannot read %1: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 is not a PNG, JPEG, WebP or GIF image; convert it first.</source>
        <translation>%1 ist kein PNG-, JPEG-, WebP- oder GIF-Bild; wandeln Sie es zuerst um.</translation>
    </message>
</context>
<context>
    <name>Atelier::ResultCell</name>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Image %1 of %2</source>
        <translation>Bild %1 von %2</translation>
    </message>
    <message>
        <source>Click to pick this image · double-click or Enter: full window · arrows: the next one</source>
        <translation>Klicken: dieses Bild wählen · Doppelklick oder Eingabe: ganzes Fenster · Pfeiltasten: das nächste</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>Atelier::ResultGrid</name>
    <message>
        <source>Images of this Generate</source>
        <translation>Bilder dieses Erzeugens</translation>
    </message>
</context>
<context>
    <name>Atelier::SafeFiles</name>
    <message>
        <source>The folder %1 is not inside %2.</source>
        <translation>Der Ordner %1 liegt nicht in %2.</translation>
    </message>
    <message>
        <source>%1 is a link or not your own folder; Atelier does not write through it. Remove it, and Atelier makes the folder again.</source>
        <translation>%1 ist ein Link oder nicht Ihr eigener Ordner; Atelier schreibt nicht hindurch. Entfernen Sie ihn, dann legt Atelier den Ordner neu an.</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created: %2.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden: %2.</translation>
    </message>
    <message>
        <source>the system gave no reason</source>
        <translation>das System nannte keinen Grund</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder (%2)</source>
        <translation>%1 ist eine Datei, kein Ordner (%2)</translation>
    </message>
    <message>
        <source>%1 cannot be looked at: %2</source>
        <translation>%1 kann nicht untersucht werden: %2</translation>
    </message>
    <message>
        <source>%1 cannot be created: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder</source>
        <translation>%1 ist eine Datei, kein Ordner</translation>
    </message>
    <message>
        <source>%1 cannot be created</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>Atelier::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Environment uses OPENAI_API_KEY, OPENAI_BASE_URL and the Azure variables, like the official SDKs.</source>
        <translation>„Umgebung“ verwendet OPENAI_API_KEY, OPENAI_BASE_URL und die Azure-Variablen, wie die offiziellen SDKs.</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Store a key in the keychain…</source>
        <translation>Einen Schlüssel im Schlüsselbund speichern…</translation>
    </message>
    <message>
        <source>The key is kept by the desktop&apos;s secret service, never in a file.</source>
        <translation>Der Schlüssel wird vom Geheimnisdienst des Desktops verwahrt, nie in einer Datei.</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Asks the provider which models this key can use (GET /models).</source>
        <translation>Fragt den Anbieter, welche Modelle dieser Schlüssel verwenden darf (GET /models).</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Keine Grenze</translation>
    </message>
    <message>
        <source>Requests that would take this session&apos;s estimated cost past the budget are not sent.</source>
        <translation>Anfragen, die die geschätzten Kosten dieser Sitzung über das Budget bringen würden, werden nicht gesendet.</translation>
    </message>
    <message>
        <source>Session budget</source>
        <translation>Sitzungsbudget</translation>
    </message>
    <message>
        <source>How many requests run at once; the rest wait in the job list.</source>
        <translation>Wie viele Anfragen gleichzeitig laufen; die übrigen warten in der Auftragsliste.</translation>
    </message>
    <message>
        <source>Requests at once</source>
        <translation>Gleichzeitige Anfragen</translation>
    </message>
    <message>
        <source>Library folder</source>
        <translation>Bibliotheksordner</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 unter %2</translation>
    </message>
    <message>
        <source>Key from %1</source>
        <translation>Schlüssel aus %1</translation>
    </message>
    <message>
        <source>No key: %1</source>
        <translation>Kein Schlüssel: %1</translation>
    </message>
    <message>
        <source>Asking the provider…</source>
        <translation>Der Anbieter wird gefragt…</translation>
    </message>
    <message>
        <source>The key works. Image models it can use: %1.</source>
        <translation>Der Schlüssel funktioniert. Bildmodelle, die er verwenden darf: %1.</translation>
    </message>
    <message>
        <source>none in Atelier&apos;s catalog</source>
        <translation>keine aus dem Katalog von Atelier</translation>
    </message>
    <message>
        <source>Atelier does not know: %1.</source>
        <translation>Atelier kennt nicht: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Add %n model(s) to the catalog</source>
        <translation>
            <numerusform>%n Modell zum Katalog hinzufügen</numerusform>
            <numerusform>%n Modelle zum Katalog hinzufügen</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection test failed: %1</source>
        <translation>Der Verbindungstest ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Added %1 to %2; they follow the GPT image models&apos; rules until you correct them there.</source>
        <translation>%1 zu %2 hinzugefügt; sie folgen den Regeln der GPT-Image-Modelle, bis Sie sie dort korrigieren.</translation>
    </message>
    <message>
        <source>Paste the API key (it is not shown):</source>
        <translation>Fügen Sie den API-Schlüssel ein (er wird nicht angezeigt):</translation>
    </message>
    <message>
        <source>the keychain entry &quot;%1&quot;</source>
        <translation>der Schlüsselbund-Eintrag „%1“</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Change the selected profile&apos;s address and account details.</source>
        <translation>Adresse und Kontodaten des gewählten Profils ändern.</translation>
    </message>
    <message>
        <source>The last one used</source>
        <translation>Das zuletzt verwendete</translation>
    </message>
    <message>
        <source>The model the studio starts with.</source>
        <translation>Das Modell, mit dem das Studio startet.</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>Standardmodell</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Where new images are saved and indexed.</source>
        <translation>Wo neue Bilder gespeichert und indiziert werden.</translation>
    </message>
    <message>
        <source>%1 cannot be written to; choose a folder you can write in.</source>
        <translation>In %1 kann nicht geschrieben werden; wählen Sie einen Ordner, in dem Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>%1
Atelier opens %2 the next time it starts.</source>
        <translation>%1
Atelier öffnet %2 beim nächsten Start.</translation>
    </message>
    <message>
        <source>Atelier switches to this library when you save; the images already made stay in %1.</source>
        <translation>Atelier wechselt beim Speichern zu dieser Bibliothek; die schon erstellten Bilder bleiben in %1.</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>A stable id for the person using Atelier (a hash of a user name or e-mail address, never the address itself), sent as safety_identifier for OpenAI&apos;s abuse monitoring with every request whose model takes it.</source>
        <translation>Eine feste ID für die Person, die Atelier verwendet (ein Hash eines Benutzernamens oder einer E-Mail-Adresse, nie die Adresse selbst), die als safety_identifier zur Missbrauchserkennung von OpenAI mit jeder Anfrage gesendet wird, deren Modell sie nimmt.</translation>
    </message>
    <message>
        <source>Safety identifier</source>
        <translation>Sicherheitskennung</translation>
    </message>
    <message>
        <source>The shutdown dates could not be recorded: %1</source>
        <translation>Die Abschaltdaten konnten nicht festgehalten werden: %1</translation>
    </message>
    <message>
        <source>%1 shuts down on %2</source>
        <translation>%1 wird am %2 abgeschaltet</translation>
    </message>
    <message>
        <source>The provider announces: %1.</source>
        <translation>Der Anbieter kündigt an: %1.</translation>
    </message>
    <message>
        <source>%1 (as %2)</source>
        <translation>%1 (als %2)</translation>
    </message>
    <message>
        <source>The key could not be stored in the keychain: %1.</source>
        <translation>Der Schlüssel konnte nicht im Schlüsselbund gespeichert werden: %1.</translation>
    </message>
    <message>
        <source>Atelier can use it for this session only: it stays in memory and is never written anywhere. To keep it, set %1 in the environment before starting Atelier, or install and start a secret service (GNOME Keyring, KWallet or KeePassXC) and store it again.</source>
        <translation>Atelier kann ihn nur für diese Sitzung verwenden: Er bleibt im Arbeitsspeicher und wird nirgends gespeichert. Um ihn zu behalten, setzen Sie %1 in der Umgebung, bevor Sie Atelier starten, oder installieren und starten Sie einen Geheimnisdienst (GNOME Keyring, KWallet oder KeePassXC) und speichern Sie ihn erneut.</translation>
    </message>
    <message>
        <source>Use this key for this session</source>
        <translation>Diesen Schlüssel für diese Sitzung verwenden</translation>
    </message>
    <message>
        <source>this session only (kept in memory; set %1 or store it in a keychain to keep it)</source>
        <translation>nur diese Sitzung (im Arbeitsspeicher; setzen Sie %1 oder speichern Sie ihn in einem Schlüsselbund, um ihn zu behalten)</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark shows images as image editors do, on a neutral dark ground; images stay on it in the light look too.</source>
        <translation>Dunkel zeigt Bilder wie Bildbearbeitungen auf neutralem dunklem Grund; auch im hellen Aussehen bleiben Bilder darauf.</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>Aussehen</translation>
    </message>
</context>
<context>
    <name>Atelier::StreamedFile</name>
    <message>
        <source>%1 cannot be written: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
</context>
<context>
    <name>Atelier::StudioSession</name>
    <message>
        <source>the keychain</source>
        <translation>der Schlüsselbund</translation>
    </message>
    <message>
        <source>nowhere: the keychain has no key yet</source>
        <translation>nirgends: der Schlüsselbund hat noch keinen Schlüssel</translation>
    </message>
    <message>
        <source>nowhere: the keychain has no key for &quot;%1&quot; yet</source>
        <translation>nirgends: der Schlüsselbund hat noch keinen Schlüssel für „%1“</translation>
    </message>
    <message>
        <source>Sent %1 streamed requests of one image each, so every image streams.</source>
        <translation>%1 gestreamte Anfragen mit je einem Bild gesendet, damit jedes Bild streamt.</translation>
    </message>
    <message>
        <source>The image arrived but could not be saved: %1</source>
        <translation>Das Bild ist angekommen, konnte aber nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The image is saved but could not be indexed (%1); it will be at the next start.</source>
        <translation>Das Bild ist gespeichert, konnte aber nicht indiziert werden (%1); das geschieht beim nächsten Start.</translation>
    </message>
    <message>
        <source>The edit is saved as the model returned it; the pixels outside the mask could not be put back: %1</source>
        <translation>Die Bearbeitung ist so gespeichert, wie das Modell sie geliefert hat; die Pixel außerhalb der Maske konnten nicht zurückgesetzt werden: %1</translation>
    </message>
    <message>
        <source>The composited edit is saved but could not be indexed (%1); it will be at the next start.</source>
        <translation>Die zusammengesetzte Bearbeitung ist gespeichert, konnte aber nicht indiziert werden (%1); das geschieht beim nächsten Start.</translation>
    </message>
    <message>
        <source>Partial images of an unfinished request could not be moved into the library: %1</source>
        <translation>Teilbilder einer unvollendeten Anfrage konnten nicht in die Bibliothek übernommen werden: %1</translation>
    </message>
    <message>
        <source>Images are still being made for the library in %1; switch when they are done, or cancel them.</source>
        <translation>Für die Bibliothek in %1 entstehen noch Bilder; wechseln Sie, wenn sie fertig sind, oder brechen Sie sie ab.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>%1 Images are kept in %2 until then.</source>
        <translation>%1 Bis dahin werden Bilder in %2 aufbewahrt.</translation>
    </message>
    <message numerus="yes">
        <source>The library index was damaged (%1) and has been made anew from the %n image(s) in the folder; the old one is kept as %2.</source>
        <translation>
            <numerusform>Der Bibliotheksindex war beschädigt (%1) und wurde aus dem %n Bild im Ordner neu aufgebaut; der alte ist als %2 aufbewahrt.</numerusform>
            <numerusform>Der Bibliotheksindex war beschädigt (%1) und wurde aus den %n Bildern im Ordner neu aufgebaut; der alte ist als %2 aufbewahrt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was sent: the library folder %1 cannot take new images (%2). Free some space or choose another library folder in the settings.</source>
        <translation>Nichts wurde gesendet: Der Bibliotheksordner %1 kann keine neuen Bilder aufnehmen (%2). Geben Sie Speicherplatz frei oder wählen Sie in den Einstellungen einen anderen Bibliotheksordner.</translation>
    </message>
    <message>
        <source>The library folder cannot take images (%1); images are kept in %2 until it can. Free some space or choose another library folder in the settings.</source>
        <translation>Der Bibliotheksordner nimmt keine Bilder auf (%1); bis er es wieder tut, werden Bilder in %2 aufbewahrt. Geben Sie Speicherplatz frei oder wählen Sie in den Einstellungen einen anderen Bibliotheksordner.</translation>
    </message>
</context>
<context>
    <name>Atelier::VariationPlan</name>
    <message>
        <source>OpenAI retired the variations endpoint, so this variation is sent as an edit with %1 and the prompt &quot;%2&quot;.</source>
        <translation>OpenAI hat den Variations-Endpunkt eingestellt, daher wird diese Variation als Bearbeitung mit %1 und dem Prompt „%2“ gesendet.</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome to Atelier</source>
        <translation>Willkommen bei Atelier</translation>
    </message>
    <message>
        <source>&lt;p&gt;To make images, Atelier needs an OpenAI API key. Create one at &lt;a href=&quot;https://platform.openai.com/api-keys&quot;&gt;platform.openai.com/api-keys&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;Then either set &lt;tt&gt;OPENAI_API_KEY&lt;/tt&gt; before starting Atelier, or store the key in your desktop&apos;s keychain in the settings.&lt;/p&gt;&lt;p&gt;The gallery, export and everything else that needs no network work without one.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Um Bilder zu erzeugen, braucht Atelier einen OpenAI-API-Schlüssel. Erstellen Sie einen unter &lt;a href=&quot;https://platform.openai.com/api-keys&quot;&gt;platform.openai.com/api-keys&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;Setzen Sie dann entweder &lt;tt&gt;OPENAI_API_KEY&lt;/tt&gt;, bevor Sie Atelier starten, oder speichern Sie den Schlüssel in den Einstellungen im Schlüsselbund Ihres Desktops.&lt;/p&gt;&lt;p&gt;Die Galerie, der Export und alles andere, was kein Netzwerk braucht, funktionieren auch ohne.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open the settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A desktop image studio for the OpenAI Images API.</source>
        <translation>Ein Desktop-Bildstudio für die OpenAI-Images-API.</translation>
    </message>
    <message>
        <source>Open &lt;file&gt; in the mask painter, ready to edit.</source>
        <translation>&lt;Datei&gt; im Maskenmaler öffnen, bereit zum Bearbeiten.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Start with &lt;text&gt; in the prompt editor.</source>
        <translation>Mit &lt;Text&gt; im Prompt-Editor beginnen.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Cannot edit</source>
        <translation>Bearbeiten nicht möglich</translation>
    </message>
    <message>
        <source>%1 could not be opened for editing; check that it is an image (PNG, JPEG or WebP).</source>
        <translation>%1 konnte nicht zum Bearbeiten geöffnet werden; prüfen Sie, ob es ein Bild ist (PNG, JPEG oder WebP).</translation>
    </message>
    <message>
        <source>Images to open in the mask painter: the first is the one to edit, the others join it as references.</source>
        <translation>Im Maskenmaler zu öffnende Bilder: das erste wird bearbeitet, die übrigen kommen als Referenzen dazu.</translation>
    </message>
    <message>
        <source>%1 Images you make now are shown but not saved; export the ones you want to keep.</source>
        <translation>%1 Bilder, die Sie jetzt erstellen, werden angezeigt, aber nicht gespeichert; exportieren Sie die, die Sie behalten möchten.</translation>
    </message>
</context>
</TS>
