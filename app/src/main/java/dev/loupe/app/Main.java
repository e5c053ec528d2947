package dev.loupe.app; public final class Main { public static void main(String[] a) { System.out.println("loupe"); } }
