<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>Counts</name>
        <message numerus="yes">
            <location filename="../../ui/messages.py" />
            <source>%n person(s)</source>
            <translation>
                <numerusform>%n person</numerusform>
                <numerusform>%n people</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/messages.py" />
            <source>%n member(s)</source>
            <translation>
                <numerusform>%n member</numerusform>
                <numerusform>%n members</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/messages.py" />
            <source>%n membership(s)</source>
            <translation>
                <numerusform>%n membership</numerusform>
                <numerusform>%n memberships</numerusform>
            </translation>
        </message>
    </context>
</TS>
