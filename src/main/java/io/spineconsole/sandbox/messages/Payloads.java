package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessagePayload;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.SandboxContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Message payloads. The sandbox does not store bodies: each message's HL7 v3 payload is made
 * again from its conversation id (so a redelivered copy has the same payload), with a made-up
 * patient. Every read is masked: NHS numbers, names, addresses, dates of birth and free text are
 * replaced by {@code ***}, and the places masked are listed as XPaths.
 */
public final class Payloads {
    static final String MASKING_NOTE = "NHS numbers, names, addresses, dates of birth and free-text clinical notes are "
            + "masked. The unmasked payload is not available through this API.";
    /** The OID of NHS numbers in HL7 v3 identifiers. */
    private static final String NHS_NUMBER_OID = "2.16.840.1.113883.2.1.4.1";
    private static final Set<String> MASKED_ELEMENTS = Set.of("given", "family", "prefix", "streetAddressLine",
            "postalCode", "birthTime", "text", "telecom");
    private static final String[] GIVEN = {"Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Arthur"};
    private static final String[] FAMILY = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Khan"};

    private final SandboxContext context;
    private final MessageStore store;

    Payloads(SandboxContext context, MessageStore store) {
        this.context = context;
        this.store = store;
    }

    /** A message's payload, masked; every read is audited ({@code view-payload}). */
    public MessagePayload view(Actor actor, UUID id) {
        MessageSummary message = store.detail(id).summary();
        context.sql().inTransaction(c -> {
            context.audit().record(c, actor, "view-payload", "message", MessageStore.upper(id), null, null, null);
            return null;
        });
        return payload(message);
    }

    static MessagePayload payload(MessageSummary m) {
        String xml = generate(m);
        List<String> masked = new ArrayList<>();
        String body = maskAndPrettyPrint(xml, masked);
        return new MessagePayload(m.messageId(), "application/xml", m.sizeBytes(), "text", body, false,
                !masked.isEmpty(), masked, MASKING_NOTE);
    }

    private static String generate(MessageSummary m) {
        Random r = new Random(m.conversationId().getMostSignificantBits() ^ m.conversationId().getLeastSignificantBits());
        String name = DeliveryModel.shortName(m.interaction());
        String nhsNumber = String.format(Locale.ROOT, "9%09d", Math.floorMod(r.nextLong(), 1_000_000_000L));
        return "<" + name + " xmlns=\"urn:hl7-org:v3\"><id root=\"" + m.conversationId().toString().toUpperCase(Locale.ROOT)
                + "\"/><creationTime value=\"" + m.receivedAt().toString().replaceAll("[-:TZ]", "").substring(0, 14)
                + "\"/><interactionId root=\"2.16.840.1.113883.2.1.3.2.4.12\" extension=\"" + name + "\"/>"
                + "<communicationFunctionRcv><device><id root=\"1.2.826.0.1285.0.2.0.107\" extension=\"" + m.to().asid()
                + "\"/></device></communicationFunctionRcv><communicationFunctionSnd><device><id "
                + "root=\"1.2.826.0.1285.0.2.0.107\" extension=\"" + m.from().asid() + "\"/></device></communicationFunctionSnd>"
                + "<ControlActEvent><subject><patient><id root=\"" + NHS_NUMBER_OID + "\" extension=\"" + nhsNumber
                + "\"/><name><given>" + GIVEN[r.nextInt(GIVEN.length)] + "</given><family>" + FAMILY[r.nextInt(FAMILY.length)]
                + "</family></name><addr><streetAddressLine>" + (1 + r.nextInt(200)) + " High Street</streetAddressLine>"
                + "<postalCode>LS1 " + (1 + r.nextInt(9)) + "AB</postalCode></addr><birthTime value=\""
                + (1930 + r.nextInt(90)) + "0" + (1 + r.nextInt(9)) + "1" + r.nextInt(10) + "\"/></patient>"
                + "<author><id root=\"1.2.826.0.1285.0.2.0.65\" extension=\"" + m.from().odsCode() + "\"/></author>"
                + "<text>Seen in clinic; follow-up in " + (2 + r.nextInt(10)) + " weeks.</text></subject></ControlActEvent></"
                + name + ">";
    }

    private static String maskAndPrettyPrint(String xml, List<String> masked) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            mask(doc.getDocumentElement(), "/" + doc.getDocumentElement().getLocalName(), masked);
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            var t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString().trim();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot prepare payload", e);
        }
    }

    private static void mask(Element e, String path, List<String> masked) {
        String name = e.getLocalName();
        if (name.equals("id") && NHS_NUMBER_OID.equals(e.getAttribute("root")) && e.hasAttribute("extension")) {
            e.setAttribute("extension", "***");
            masked.add(path + "/@extension");
        }
        if (MASKED_ELEMENTS.contains(name)) {
            if (e.hasAttribute("value")) {
                e.setAttribute("value", "***");
                masked.add(path + "/@value");
            }
            if (!e.getTextContent().isBlank()) {
                e.setTextContent("***");
                masked.add(path);
            }
            return;
        }
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element c) {
                mask(c, path + "/" + c.getLocalName(), masked);
            }
        }
    }
}
