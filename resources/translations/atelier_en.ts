<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>Atelier::BatchCommand</name>
    <message numerus="yes">
        <source>Uploading %n request(s)…</source>
        <translation>
            <numerusform>Uploading %n request…</numerusform>
            <numerusform>Uploading %n requests…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Submitted: %1, %n prompt(s)</source>
        <translation>
            <numerusform>Submitted: %1, %n prompt</numerusform>
            <numerusform>Submitted: %1, %n prompts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::BatchMonitor</name>
    <message numerus="yes">
        <source>%n request(s) were not run: the batch is %1.</source>
        <translation>
            <numerusform>%n request was not run: the batch is %1.</numerusform>
            <numerusform>%n requests were not run: the batch is %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) failed.</source>
        <translation>
            <numerusform>%n request failed.</numerusform>
            <numerusform>%n requests failed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::BatchStudio</name>
    <message numerus="yes">
        <source>Sent %n request(s) from the prompt list.</source>
        <translation>
            <numerusform>Sent %n request from the prompt list.</numerusform>
            <numerusform>Sent %n requests from the prompt list.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::BatchesView</name>
    <message numerus="yes">
        <source>“%1” and %n more</source>
        <translation>
            <numerusform>“%1” and %n more</numerusform>
            <numerusform>“%1” and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::CompareGridDialog</name>
    <message numerus="yes">
        <source>%n request(s), about $%1 in all.</source>
        <translation>
            <numerusform>%n request, about $%1 in all.</numerusform>
            <numerusform>%n requests, about $%1 in all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Compares the edit: each model gets the same %n reference image(s) (%1)%2.</source>
        <translation>
            <numerusform>Compares the edit: each model gets the same %n reference image (%1)%2.</numerusform>
            <numerusform>Compares the edit: each model gets the same %n reference images (%1)%2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edit request(s), about $%1 in all (the reference images&apos; input included).</source>
        <translation>
            <numerusform>%n edit request, about $%1 in all (the reference images&apos; input included).</numerusform>
            <numerusform>%n edit requests, about $%1 in all (the reference images&apos; input included).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::ComposePanel</name>
    <message numerus="yes">
        <source>%n file(s) from outside the library were left out.</source>
        <translation>
            <numerusform>%n file from outside the library was left out.</numerusform>
            <numerusform>%n files from outside the library were left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The references hold %n other image(s). Edit this image alone, or keep them as references behind it?</source>
        <translation>
            <numerusform>The references hold %n other image. Edit this image alone, or keep it as a reference behind it?</numerusform>
            <numerusform>The references hold %n other images. Edit this image alone, or keep them as references behind it?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::Consent</name>
    <message numerus="yes">
        <source>This recipe names %n file(s) outside the library&apos;s inputs folder. If you use them, they are sent to the provider with the request. Use them only if you know them.</source>
        <translation>
            <numerusform>This recipe names %n file outside the library&apos;s inputs folder. If you use it, it is sent to the provider with the request. Use it only if you know it.</numerusform>
            <numerusform>This recipe names %n files outside the library&apos;s inputs folder. If you use them, they are sent to the provider with the request. Use them only if you know them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::ExportDialog</name>
    <message numerus="yes">
        <source>Export %n image(s)</source>
        <translation>
            <numerusform>Export %n image</numerusform>
            <numerusform>Export %n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::GalleryPanel</name>
    <message numerus="yes">
        <source>Export %n image(s)…</source>
        <translation>
            <numerusform>Export %n image…</numerusform>
            <numerusform>Export %n images…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n image(s)…</source>
        <translation>
            <numerusform>Delete %n image…</numerusform>
            <numerusform>Delete %n images…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n image(s) and their recipes to the trash?</source>
        <translation>
            <numerusform>Move %n image and its recipe to the trash?</numerusform>
            <numerusform>Move %n images and their recipes to the trash?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::ImageJob</name>
    <message numerus="yes">
        <source>the server sent nothing for %n second(s)</source>
        <translation>
            <numerusform>the server sent nothing for %n second</numerusform>
            <numerusform>the server sent nothing for %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::JobPanel</name>
    <message numerus="yes">
        <source>%n request(s) did not finish when Atelier last ran. Send them again?</source>
        <translation>
            <numerusform>%n request did not finish when Atelier last ran. Send it again?</numerusform>
            <numerusform>%n requests did not finish when Atelier last ran. Send them again?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partial image(s) they had received are in the gallery.</source>
        <translation>
            <numerusform>%n partial image they had received is in the gallery.</numerusform>
            <numerusform>%n partial images they had received are in the gallery.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) not sent again: they use files from outside the library.</source>
        <translation>
            <numerusform>%n request not sent again: it uses files from outside the library.</numerusform>
            <numerusform>%n requests not sent again: they use files from outside the library.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::MainWindow</name>
    <message numerus="yes">
        <source>%1 is a folder, not an image file; drop the images in it instead.</source>
        <translation>
            <numerusform>%1 is a folder, not an image file; drop the images in it instead.</numerusform>
            <numerusform>%1 are folders, not image files; drop the images in them instead.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::MaskPainter</name>
    <message numerus="yes">
        <source>%1 · %2x%3 · zoom %4% · %5% of the image may change · %n step(s) to undo</source>
        <translation>
            <numerusform>%1 · %2x%3 · zoom %4% · %5% of the image may change · %n step to undo</numerusform>
            <numerusform>%1 · %2x%3 · zoom %4% · %5% of the image may change · %n steps to undo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n mark(s), sent as markup</source>
        <translation>
            <numerusform> · %n mark, sent as markup</numerusform>
            <numerusform> · %n marks, sent as markup</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::MessageBar</name>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::ParameterPanel</name>
    <message numerus="yes">
        <source>OpenAI shuts %1 down on %2 (in %n day(s)).</source>
        <translation>
            <numerusform>OpenAI shuts %1 down on %2 (in %n day).</numerusform>
            <numerusform>OpenAI shuts %1 down on %2 (in %n days).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::ReferenceTray</name>
    <message numerus="yes">
        <source>%1 is a folder, not an image file; add the images in it instead.</source>
        <translation>
            <numerusform>%1 is a folder, not an image file; add the images in it instead.</numerusform>
            <numerusform>%1 are folders, not image files; add the images in them instead.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::RefinePane</name>
    <message numerus="yes">
        <source>Thread: $%1, %n turn(s)</source>
        <translation>
            <numerusform>Thread: $%1, %n turn</numerusform>
            <numerusform>Thread: $%1, %n turns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::RequestValidator</name>
    <message numerus="yes">
        <source>OpenAI shuts %1 down on %2 (in %n day(s)).</source>
        <translation>
            <numerusform>OpenAI shuts %1 down on %2 (in %n day).</numerusform>
            <numerusform>OpenAI shuts %1 down on %2 (in %n days).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>OpenAI shuts %1 down on %2 (in %n day(s)); %3 replaces it.</source>
        <translation>
            <numerusform>OpenAI shuts %1 down on %2 (in %n day); %3 replaces it.</numerusform>
            <numerusform>OpenAI shuts %1 down on %2 (in %n days); %3 replaces it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::SettingsDialog</name>
    <message numerus="yes">
        <source>Add %n model(s) to the catalog</source>
        <translation>
            <numerusform>Add %n model to the catalog</numerusform>
            <numerusform>Add %n models to the catalog</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Atelier::StudioSession</name>
    <message numerus="yes">
        <source>The library index was damaged (%1) and has been made anew from the %n image(s) in the folder; the old one is kept as %2.</source>
        <translation>
            <numerusform>The library index was damaged (%1) and has been made anew from the %n image in the folder; the old one is kept as %2.</numerusform>
            <numerusform>The library index was damaged (%1) and has been made anew from the %n images in the folder; the old one is kept as %2.</numerusform>
        </translation>
    </message>
</context>
</TS>
