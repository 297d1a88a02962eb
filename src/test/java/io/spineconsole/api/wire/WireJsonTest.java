package io.spineconsole.api.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WireJsonTest {

    @Test
    void codedEnumsTravelAsTheirCodes() throws Exception {
        ObjectMapper mapper = WireJson.strictMapper();
        assertEquals("\"async-reliable\"", mapper.writeValueAsString(MessagingPattern.ASYNC_RELIABLE));
        assertEquals(MessagingPattern.FORWARD_EXPRESS, mapper.readValue("\"forward-express\"", MessagingPattern.class));
        String json = mapper.writeValueAsString(new Principal("Ann", Role.OPERATOR, 7));
        assertEquals("{\"name\":\"Ann\",\"role\":\"operator\",\"tokenId\":7,\"owner\":null,\"subject\":null}", json);
    }

    @Test
    void strictMapperRefusesUnknownFieldsAndUnknownCodes() {
        ObjectMapper mapper = WireJson.strictMapper();
        assertThrows(UnrecognizedPropertyException.class,
                () -> mapper.readValue("{\"name\":\"Ann\",\"role\":\"admin\",\"tokenId\":1,\"extra\":1}", Principal.class));
        assertThrows(InvalidFormatException.class, () -> mapper.readValue("\"ADMIN\"", Role.class));
    }

    @Test
    void lenientMapperIgnoresFieldsANewerServerAdds() throws Exception {
        Principal p = WireJson.lenientMapper()
                .readValue("{\"name\":\"Ann\",\"role\":\"admin\",\"tokenId\":1,\"team\":\"x\"}", Principal.class);
        assertEquals(Role.ADMIN, p.role());
    }
}
