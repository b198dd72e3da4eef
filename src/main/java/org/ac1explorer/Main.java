package org.ac1explorer;

public final class Main {
    public static void main(String[] args) {
        System.out.println("AC1 Explorer");
    }
}
