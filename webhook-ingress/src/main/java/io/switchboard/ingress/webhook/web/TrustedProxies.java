package io.switchboard.ingress.webhook.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The peers allowed to tell us, through X-Forwarded-* headers, which public URL a provider called:
 * IP addresses or CIDR blocks, IPv4 or IPv6 ({@code switchboard.ingress.trusted-proxies}). Only
 * literals are accepted, so parsing never resolves a name.
 */
final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = blocks;
    }

    static TrustedProxies parse(List<String> entries) {
        return new TrustedProxies(entries.stream()
                .map(String::trim)
                .filter(e -> !e.isEmpty())
                .map(TrustedProxies::block)
                .toList());
    }

    boolean contains(InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] bytes = address.getAddress();
        return blocks.stream().anyMatch(block -> block.contains(bytes));
    }

    boolean isEmpty() {
        return blocks.isEmpty();
    }

    private static Block block(String entry) {
        int slash = entry.indexOf('/');
        String literal = slash < 0 ? entry : entry.substring(0, slash);
        boolean ipv4 = IPV4.matcher(literal).matches();
        // An IPv4 look-alike with an octet over 255 would make InetAddress try a DNS lookup.
        if (ipv4 ? !validOctets(literal) : !IPV6.matcher(literal).matches()) {
            throw invalid(entry);
        }
        byte[] network;
        try {
            network = InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw invalid(entry);
        }
        int bits = network.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw invalid(entry);
        }
        if (prefix < 0 || prefix > bits) {
            throw invalid(entry);
        }
        return new Block(network, prefix);
    }

    private static boolean validOctets(String literal) {
        for (String octet : literal.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException invalid(String entry) {
        return new IllegalArgumentException(
                "switchboard.ingress.trusted-proxies: not an IP address or CIDR block: " + entry);
    }

    private record Block(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefix / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int remainingBits = prefix % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = (0xff << (8 - remainingBits)) & 0xff;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }
}
