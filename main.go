// Command sesame generates passwords, passphrases, tokens and PINs.
package main

func main() {}
