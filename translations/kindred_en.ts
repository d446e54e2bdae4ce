<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>kindred::JobErrorsDialog</name>
        <message numerus="yes">
            <source>%n file(s) could not be read.</source>
            <translation>
                <numerusform>%n file could not be read.</numerusform>
                <numerusform>%n files could not be read.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>kindred::JobStatusWidget</name>
        <message numerus="yes">
            <source>%n problem(s)</source>
            <translation>
                <numerusform>%n problem</numerusform>
                <numerusform>%n problems</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>kindred::LibraryService</name>
        <message numerus="yes">
            <source>Rescanning %n folder(s)</source>
            <translation>
                <numerusform>Rescanning %n folder</numerusform>
                <numerusform>Rescanning %n folders</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>kindred::MainWindow</name>
        <message numerus="yes">
            <source>%n photo(s) in the library</source>
            <translation>
                <numerusform>%n photo in the library</numerusform>
                <numerusform>%n photos in the library</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>kindred::PeopleView</name>
        <message numerus="yes">
            <source>%n photo(s)</source>
            <translation>
                <numerusform>%n photo</numerusform>
                <numerusform>%n photos</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>kindred::PhotoGridView</name>
        <message numerus="yes">
            <source>%n photo(s)</source>
            <translation>
                <numerusform>%n photo</numerusform>
                <numerusform>%n photos</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>kindred::ScanJob</name>
        <message numerus="yes">
            <source>Scan cancelled after %n file(s)</source>
            <translation>
                <numerusform>Scan cancelled after %n file</numerusform>
                <numerusform>Scan cancelled after %n files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n photo(s) found</source>
            <translation>
                <numerusform>%n photo found</numerusform>
                <numerusform>%n photos found</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new</source>
            <translation>
                <numerusform>%n new</numerusform>
                <numerusform>%n new</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n moved</source>
            <translation>
                <numerusform>%n moved</numerusform>
                <numerusform>%n moved</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n missing</source>
            <translation>
                <numerusform>%n missing</numerusform>
                <numerusform>%n missing</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n could not be read</source>
            <translation>
                <numerusform>%n could not be read</numerusform>
                <numerusform>%n could not be read</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>kindred::SearchView</name>
        <message numerus="yes">
            <source>%n photo(s) found.</source>
            <translation>
                <numerusform>%n photo found.</numerusform>
                <numerusform>%n photos found.</numerusform>
            </translation>
        </message>
    </context>
</TS>
