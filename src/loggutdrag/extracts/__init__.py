"""extracts"""
