package io.spineconsole.ui.messages;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PayloadFormatTest {

    @Test
    void compactJsonIsIndentedAndItsStringsLeftAlone() {
        String json = "{\"a\":1,\"b\":{\"c\":\"x, {y}: z\",\"d\":[]},\"e\":[1,2]}";
        assertEquals("""
                {
                  "a": 1,
                  "b": {
                    "c": "x, {y}: z",
                    "d": []
                  },
                  "e": [
                    1,
                    2
                  ]
                }""", PayloadFormat.pretty("application/json", json));
    }

    @Test
    void compactXmlIsIndentedOneElementALine() {
        String xml = "<?xml version=\"1.0\"?><a x=\"1>2\"><b>***</b><c/><d><e>text</e></d><!-- note --></a>";
        assertEquals("""
                <?xml version="1.0"?>
                <a x="1>2">
                  <b>***</b>
                  <c/>
                  <d>
                    <e>text</e>
                  </d>
                  <!-- note -->
                </a>""", PayloadFormat.pretty("application/xml", xml));
    }

    @Test
    void aPayloadAlreadyLaidOutIsShownAsItCame() {
        String laidOut = "<a>\n    <b>***</b>\n</a>";
        assertEquals(laidOut, PayloadFormat.pretty("application/xml", laidOut));
        assertEquals("plain text", PayloadFormat.pretty("text/plain", "plain text"));
        assertEquals("", PayloadFormat.pretty("application/xml", null));
    }
}
