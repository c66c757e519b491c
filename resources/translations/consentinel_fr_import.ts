<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
    <context>
        <name>AccountImportDialog</name>
        <message>
            <source>Import accounts from a file</source>
            <translation>Importer des comptes depuis un fichier</translation>
        </message>
        <message>
            <source>Choose a CSV or TSV file in UTF-8 (in a spreadsheet: save as “CSV UTF-8”). Its first row names the columns: handle and password, and if you have them 2FA secret, email and phone (in French: compte, mot de passe, secret 2FA, e-mail, téléphone). Commas, semicolons or tabs separate the cells.</source>
            <translation>Choisissez un fichier CSV ou TSV en UTF-8 (dans un tableur : enregistrez en « CSV UTF-8 »). Sa première ligne nomme les colonnes : compte et mot de passe, et si vous les avez secret 2FA, e-mail et téléphone (en anglais : handle, password, 2FA secret, email, phone). Des virgules, des points-virgules ou des tabulations séparent les cellules.</translation>
        </message>
        <message>
            <source>&amp;Choose a file…</source>
            <translation>&amp;Choisir un fichier…</translation>
        </message>
        <message>
            <source>No file chosen.</source>
            <translation>Aucun fichier choisi.</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Compte</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Mot de passe</translation>
        </message>
        <message>
            <source>2FA secret</source>
            <translation>Secret 2FA</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Téléphone</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>&amp;Delete the file</source>
            <translation>&amp;Supprimer le fichier</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Importer</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Choose the file of accounts</source>
            <translation>Choisir le fichier des comptes</translation>
        </message>
        <message>
            <source>Spreadsheets saved as text (*.csv *.tsv *.txt);;All files (*)</source>
            <translation>Tableurs enregistrés en texte (*.csv *.tsv *.txt);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Rows that can be imported: {ready} of {rows}.</source>
            <translation>Lignes à importer : {ready} sur {rows}.</translation>
        </message>
        <message>
            <source>&amp;Import {count} accounts</source>
            <translation>&amp;Importer {count} comptes</translation>
        </message>
        <message>
            <source>&amp;Import 1 account</source>
            <translation>&amp;Importer 1 compte</translation>
        </message>
        <message>
            <source>Ready to import</source>
            <translation>Prêt à importer</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Importé</translation>
        </message>
        <message>
            <source>Secrets cannot be stored: {problem} Nothing was imported.</source>
            <translation>Les secrets ne peuvent pas être enregistrés : {problem} Rien n'a été importé.</translation>
        </message>
        <message>
            <source>The file could not be deleted: {problem}</source>
            <translation>Le fichier n'a pas pu être supprimé : {problem}</translation>
        </message>
        <message>
            <source>The file was deleted.</source>
            <translation>Le fichier a été supprimé.</translation>
        </message>
        <message>
            <source>Stop after this row</source>
            <translation>Arrêter après cette ligne</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>Importation…</translation>
        </message>
        <message>
            <source>The import failed: {problem}</source>
            <translation>L'importation a échoué : {problem}</translation>
        </message>
        <message>
            <source>Stopping after this row…</source>
            <translation>Arrêt après cette ligne…</translation>
        </message>
        <message>
            <source>The file is not there any more: it was deleted or moved already. If it was moved, delete it where it is now.</source>
            <translation>Le fichier n'est plus là : il a déjà été supprimé ou déplacé. S'il a été déplacé, supprimez-le là où il se trouve maintenant.</translation>
        </message>
        <message>
            <source>The file {file} was deleted, and the link to it.</source>
            <translation>Le fichier {file} a été supprimé, ainsi que le lien vers lui.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;Import accounts from a file…</source>
            <translation>&amp;Importer des comptes depuis un fichier…</translation>
        </message>
        <message>
            <source>Add several accounts from a spreadsheet saved as CSV</source>
            <translation>Ajouter plusieurs comptes depuis un tableur enregistré en CSV</translation>
        </message>
    </context>
</TS>
